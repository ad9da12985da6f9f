import { useRouteRef } from '@backstage/core-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useCallback } from 'react';
import { techniqueRouteRef } from '../../routes';
import type { MatrixColumn } from './matrixModel';
import { TechniqueCell } from './TechniqueCell';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridAutoFlow: 'column',
    gridAutoColumns: 'minmax(150px, 1fr)',
    gap: theme.spacing(1),
    overflowX: 'auto',
    paddingBottom: theme.spacing(1),
  },
  header: {
    borderBottom: `2px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(1),
    paddingBottom: theme.spacing(0.5),
  },
  cells: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: theme.spacing(0.5),
  },
}));

/** The tactics as columns, each with its techniques as cells. */
export function MatrixGrid(props: { columns: MatrixColumn[] }) {
  const { columns } = props;
  const classes = useStyles();
  const techniqueRoute = useRouteRef(techniqueRouteRef);
  const linkTo = useCallback(
    (mitreId: string) => techniqueRoute({ mitreId }),
    [techniqueRoute],
  );

  return (
    <div className={classes.grid}>
      {columns.map(({ tactic, techniques }) => (
        <section key={tactic.shortname} aria-label={tactic.name}>
          <div className={classes.header}>
            <Typography variant="subtitle2" component="h3">
              {tactic.name}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {techniques.length} techniques
            </Typography>
          </div>
          <ul className={classes.cells}>
            {techniques.map(entry => (
              <TechniqueCell
                key={entry.technique.mitreId}
                entry={entry}
                linkTo={linkTo}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
