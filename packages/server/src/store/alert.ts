// The alert's wire shape, severities and states are declared once, in @spoor/correlation.
export {
  ALERT_STATES,
  type AlertJson,
  type AlertState,
  SEVERITIES,
  type Severity,
} from "@spoor/correlation";
