// Stands in for prettier inside the YAML worker: the editor offers no formatting, and prettier is
// half of that worker's size. Validation, completion and hover do not use it.
export async function format(): Promise<never> {
  throw new Error('formatting is not available in this editor');
}
export default {};
