/** The read verbs: get, describe, explain, api-resources, api-versions, version, cluster-info, config, options. */
import type { CommandModule } from '../../types.js';
import { CLUSTER_INFO, CLUSTER_INFO_DUMP } from './cluster-info.js';
import { CONFIG_COMMANDS } from './config/index.js';
import { DESCRIBE } from './describe.js';
import { API_RESOURCES, API_VERSIONS } from './discovery.js';
import { EXPLAIN } from './explain.js';
import { GET } from './get/index.js';
import { OPTIONS } from './options.js';
import { VERSION } from './version.js';

export const COMMANDS: CommandModule[] = [GET, DESCRIBE, EXPLAIN, API_RESOURCES, API_VERSIONS, VERSION, CLUSTER_INFO, CLUSTER_INFO_DUMP, ...CONFIG_COMMANDS, OPTIONS];
