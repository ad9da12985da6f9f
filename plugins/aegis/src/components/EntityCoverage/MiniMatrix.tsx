import type {
  TacticCoverage,
  TechniqueCoverage,
} from '@aegis-security/plugin-aegis-common';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { coverageColours, describeCoverage } from '../../coverageLabels';
import { techniqueRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: theme.spacing(2),
  },
  cells: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: theme.spacing(0.5),
  },
  cell: {
    border: '1px solid',
    borderLeftWidth: 4,
    borderRadius: 4,
    padding: theme.spacing(0.5, 0.75),
    fontSize: theme.typography.caption.fontSize,
  },
}));

/** A tactic of the mini matrix with the tested techniques under it. */
export interface MiniColumn {
  key: string;
  name: string;
  techniques: TechniqueCoverage[];
}

/**
 * The tested techniques under their tactics, in matrix order; a tactic the
 * backend did not list comes last, under its shortname.
 */
export function miniColumns(
  tactics: TacticCoverage[],
  techniques: TechniqueCoverage[],
): MiniColumn[] {
  const ordered = [...tactics].sort((a, b) => a.order - b.order);
  const known = new Set(ordered.map(t => t.shortname));
  const extra = [...new Set(techniques.flatMap(t => t.tactics))].filter(
    shortname => !known.has(shortname),
  );
  const columns = [
    ...ordered.map(t => ({ key: t.shortname, name: t.name })),
    ...extra.map(shortname => ({ key: shortname, name: shortname })),
  ];
  return columns
    .map(column => ({
      ...column,
      techniques: techniques.filter(t => t.tactics.includes(column.key)),
    }))
    .filter(column => column.techniques.length > 0);
}

/** The techniques tested against an entity, coloured as in the matrix. */
export function MiniMatrix(props: {
  tactics: TacticCoverage[];
  techniques: TechniqueCoverage[];
}) {
  const classes = useStyles();
  const theme = useTheme();
  const techniqueRoute = useRouteRef(techniqueRouteRef);
  const columns = miniColumns(props.tactics, props.techniques);

  return (
    <div className={classes.grid}>
      {columns.map(column => (
        <section key={column.key} aria-label={column.name}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            {column.name}
          </Typography>
          <ul className={classes.cells}>
            {column.techniques.map(technique => (
              <li
                key={technique.mitreId}
                className={classes.cell}
                style={coverageColours(technique, theme)}
                title={describeCoverage(technique)}
              >
                <Link to={techniqueRoute({ mitreId: technique.mitreId })}>
                  {technique.mitreId} {technique.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
