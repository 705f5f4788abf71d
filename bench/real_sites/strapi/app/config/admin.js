// The generated project's admin.js (create-strapi-app 5.54), with the admin's sign-in rate limit off (an
// administrator's setting; by default 5 sign-ins per address in 5 minutes): the journeys sign the same seeded
// editor in a dozen times within minutes, and a refused "Too many requests" sign-in would stop them all.
module.exports = ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', true),
    promoteEE: env.bool('FLAG_PROMOTE_EE', true),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
  rateLimit: {
    enabled: false,
  },
});
