export interface Config {
  /** Configuration of the Aegis ATT&CK coverage plugins. */
  aegis?: {};
}
