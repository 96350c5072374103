/**
 * One problem found in a site config. `path` is a JSON pointer into the config ("/counters/2/queues/0/
 * queueId"; "" for the whole file) so the admin screen can put the message beside the right field.
 * Messages are English: they go to logs and the admin API.
 */
export interface ConfigError {
  readonly path: string;
  readonly message: string;
}
