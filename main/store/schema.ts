import { z } from 'zod';
import { eventSchema, participationSchema, personSchema, profileSchema, settingsSchema } from '../domain/model';

export const SCHEMA_VERSION = 1;
export const DATA_FILE = 'delegation-desk.json';

export const databaseSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  profile: profileSchema,
  settings: settingsSchema,
  events: z.array(eventSchema),
  people: z.array(personSchema),
  participations: z.array(participationSchema),
});

export type Database = z.infer<typeof databaseSchema>;

export function emptyDatabase(): Database {
  return databaseSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    profile: {},
    settings: {},
    events: [],
    people: [],
    participations: [],
  });
}
