// The generated project's server.js (create-strapi-app 5.54), with Strapi's check for a newer release
// at start-up turned off (it asks the npm registry), so the server reaches nothing at run time.
module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS'),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
  logger: {
    updates: {
      enabled: false,
    },
  },
});
