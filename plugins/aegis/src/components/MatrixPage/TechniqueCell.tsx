import type { Technique } from '@aegis-security/plugin-aegis-common';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { memo, useState } from 'react';
import { Link } from 'react-router-dom';
import { coverageColours, describeCoverage } from '../../coverageLabels';
import { coverageOf } from './coverageStatus';
import type { MatrixTechnique } from './matrixModel';

const useStyles = makeStyles(theme => ({
  cell: {
    border: '1px solid',
    // A wide left edge carries the colour even on small cells.
    borderLeftWidth: 4,
    borderRadius: 4,
    padding: theme.spacing(0.5, 0.75),
    fontSize: theme.typography.caption.fontSize,
    lineHeight: 1.3,
  },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
  link: {
    flex: 1,
    color: theme.palette.text.primary,
    textDecoration: 'none',
    '&:hover': { textDecoration: 'underline' },
  },
  id: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  gap: {
    fontWeight: theme.typography.fontWeightBold as number,
    marginLeft: theme.spacing(0.5),
  },
  toggle: {
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: 0,
    color: theme.palette.text.secondary,
    font: 'inherit',
    whiteSpace: 'nowrap',
  },
  subtechniques: {
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0, 1),
    padding: 0,
    display: 'grid',
    gap: theme.spacing(0.5),
  },
}));

function TechniqueLink(props: { technique: Technique; to: string }) {
  const { technique, to } = props;
  const classes = useStyles();
  const coverage = coverageOf(technique);

  return (
    <Link
      className={classes.link}
      to={to}
      title={`${technique.name}: ${describeCoverage(coverage)}`}
    >
      <span className={classes.id}>
        {technique.mitreId}
        {coverage.confirmedGap && (
          <span className={classes.gap} aria-hidden>
            !
          </span>
        )}
      </span>
      {technique.name}
    </Link>
  );
}

function TechniqueCellContent(props: {
  entry: MatrixTechnique;
  linkTo: (mitreId: string) => string;
}) {
  const { entry, linkTo } = props;
  const classes = useStyles();
  const theme = useTheme();
  const [expanded, setExpanded] = useState(false);
  const { technique, subtechniques } = entry;

  const colours = (t: Technique) => coverageColours(coverageOf(t), theme);

  return (
    <li className={classes.cell} style={colours(technique)}>
      <div className={classes.row}>
        <TechniqueLink technique={technique} to={linkTo(technique.mitreId)} />
        {subtechniques.length > 0 && (
          <button
            type="button"
            className={classes.toggle}
            aria-expanded={expanded}
            aria-label={`Sub-techniques of ${technique.mitreId} (${subtechniques.length})`}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? '▾' : '▸'} {subtechniques.length}
          </button>
        )}
      </div>
      {expanded && (
        <ul className={classes.subtechniques}>
          {subtechniques.map(sub => (
            <li key={sub.mitreId} className={classes.cell} style={colours(sub)}>
              <TechniqueLink technique={sub} to={linkTo(sub.mitreId)} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * One technique of the matrix, coloured by its coverage, with its
 * sub-techniques collapsed below it.
 */
export const TechniqueCell = memo(TechniqueCellContent);
