// The admin's own settings: no check for a newer Strapi release (the admin asked GitHub's API for it
// from the browser on every page), so the admin reaches nothing beyond 127.0.0.1.
export default {
  config: {
    notifications: { releases: false },
  },
};
