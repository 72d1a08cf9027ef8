/** Marks a setting the organization's policy decides. */
export function Managed() {
  return <span className="managed">Managed by your organization</span>;
}
