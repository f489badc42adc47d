import { roleSchema } from './enums.ts';
import { MIN_PASSWORD_LENGTH } from './vocabulary.ts';
import { z } from './zod.ts';

export { MIN_PASSWORD_LENGTH };

// Accounts of beheer: who may log in, with which role.

export const usernameSchema = z
  .string({ error: 'Vul een gebruikersnaam in' })
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,49}$/,
    'Gebruik 2 tot 50 kleine letters, cijfers, punt, streepje of liggend streepje',
  );

const organisationIdSchema = z
  .number({ error: 'Verwacht het id van een organisatie (een getal)' })
  .int('Verwacht het id van een organisatie (een geheel getal)')
  .positive('Verwacht het id van een organisatie (een positief getal)');

type RoleName = z.infer<typeof roleSchema>;

/** A partner works for exactly one organisation; the other roles for none (decision 0109). */
function partnerHasOrganisation(
  role: RoleName | undefined,
  organisation: number | undefined,
  ctx: z.RefinementCtx,
) {
  if (role === 'partner' && organisation === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['organisatie'],
      message: 'Kies de organisatie van deze partner',
    });
  if (role !== undefined && role !== 'partner' && organisation !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['organisatie'],
      message: `Alleen een partner hoort bij een organisatie, een ${role} niet`,
    });
}

export const passwordSchema = z
  .string({ error: 'Vul een wachtwoord in' })
  .min(MIN_PASSWORD_LENGTH, `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`)
  .max(1000, 'Een wachtwoord heeft hoogstens 1000 tekens');

export const newUserSchema = z
  .object({
    gebruikersnaam: usernameSchema,
    naam: z.string({ error: 'Vul een naam in' }).trim().min(1, 'Vul een naam in').max(200),
    rol: roleSchema,
    organisatie: organisationIdSchema
      .optional()
      .describe('Alleen bij de rol partner (en dan verplicht): de organisatie van de gebruiker'),
    wachtwoord: passwordSchema,
  })
  .strict()
  .superRefine((user, ctx) => partnerHasOrganisation(user.rol, user.organisatie, ctx))
  .openapi('NieuweGebruiker');
export type NewUserInput = z.infer<typeof newUserSchema>;

export const userPatchSchema = z
  .object({
    naam: z.string().trim().min(1, 'Vul een naam in').max(200).optional(),
    rol: roleSchema.optional(),
    organisatie: organisationIdSchema.optional().describe('Verplicht wanneer de rol partner wordt'),
    uitgeschakeld: z.boolean({ error: 'Verwacht true of false' }).optional(),
    wachtwoord: passwordSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Geef minstens één veld om te wijzigen')
  .superRefine((patch, ctx) => {
    if (patch.rol !== undefined) partnerHasOrganisation(patch.rol, patch.organisatie, ctx);
  })
  .openapi('GebruikerWijzigen');

export const userSchema = z
  .object({
    id: z.number().int(),
    gebruikersnaam: z.string(),
    naam: z.string(),
    rol: roleSchema,
    organisatie: z.number().int().nullable().describe('De organisatie van een partner'),
    uitgeschakeld: z.boolean(),
    aangemaakt: z.string(),
  })
  .openapi('Gebruiker');

export type UserBody = z.infer<typeof userSchema>;
export type UserPatch = z.infer<typeof userPatchSchema>;

export const userListSchema = z.object({ gebruikers: z.array(userSchema) }).openapi('Gebruikers');
