import {
  AEGIS_ROLES,
  type AegisRole,
} from '@aegis-security/plugin-aegis-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { Fragment } from 'react';
import { ROLE_LABELS } from '../../roleLabels';

/** Properties of {@link RoleCheckboxes}. */
export interface RoleCheckboxesProps {
  selected: readonly AegisRole[];
  onChange: (roles: AegisRole[]) => void;
  /** A line shown under a role's checkbox. */
  notes?: Partial<Record<AegisRole, string>>;
  disabled?: boolean;
}

/** One checkbox per Aegis role; the chosen roles keep the roles' order. */
export function RoleCheckboxes(props: RoleCheckboxesProps) {
  const { selected, onChange, notes = {}, disabled } = props;

  const toggle = (role: AegisRole, checked: boolean) =>
    onChange(
      AEGIS_ROLES.filter(r => (r === role ? checked : selected.includes(r))),
    );

  return (
    <FormControl component="fieldset" disabled={disabled} margin="normal">
      <FormLabel component="legend">Roles</FormLabel>
      <FormGroup>
        {AEGIS_ROLES.map(role => (
          <Fragment key={role}>
            <FormControlLabel
              label={ROLE_LABELS[role]}
              control={
                <Checkbox
                  name={role}
                  checked={selected.includes(role)}
                  onChange={event => toggle(role, event.target.checked)}
                />
              }
            />
            {notes[role] && (
              <FormHelperText style={{ marginTop: -8, marginLeft: 32 }}>
                {notes[role]}
              </FormHelperText>
            )}
          </Fragment>
        ))}
      </FormGroup>
    </FormControl>
  );
}
