// The generated project's plugins.js (create-strapi-app 5.54), plus mail: nodemailer's sendmail
// transport pointed at the site folder's sendmail.sh (up.sh passes its path in SENDMAIL_PATH), which
// writes each message to a file in .work/mail/; nothing reaches the network.
const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

module.exports = ({ env }) => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: { sendmail: true, newline: 'unix', path: env('SENDMAIL_PATH') },
      settings: {
        defaultFrom: 'Riverside Community Centre <no-reply@example.org>',
        defaultReplyTo: 'no-reply@example.org',
      },
    },
  },
});
