import { roleSchema } from '../../schemas/enums.ts';
import { z } from '../../schemas/zod.ts';

export const loginSchema = z
  .object({
    gebruikersnaam: z
      .string({ error: 'Vul uw gebruikersnaam in' })
      .trim()
      .min(1, 'Vul uw gebruikersnaam in')
      .max(100),
    wachtwoord: z.string({ error: 'Vul uw wachtwoord in' }).min(1, 'Vul uw wachtwoord in').max(1000),
  })
  .openapi('Inloggen');

export const sessionUserSchema = z
  .object({
    id: z.number().int(),
    gebruikersnaam: z.string(),
    naam: z.string(),
    rol: roleSchema,
  })
  .openapi('IngelogdeGebruiker');

export const sessionSchema = z
  .object({
    gebruiker: sessionUserSchema,
    csrfToken: z.string().describe('Stuur mee als X-CSRF-Token bij elke wijziging'),
  })
  .openapi('Sessie');
