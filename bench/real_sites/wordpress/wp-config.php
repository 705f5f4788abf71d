<?php
// bench/real_sites/wordpress/up.sh writes this into .work/wordpress/ (@WORK@ and @PORT@ filled in).
define('DB_NAME', 'wordpress');
define('DB_USER', '');
define('DB_PASSWORD', '');
define('DB_HOST', '');
define('DB_CHARSET', 'utf8');
define('DB_COLLATE', '');
define('DB_DIR', '@WORK@/data/');   // the SQLite Database Integration plugin's database
define('DB_FILE', 'site.sqlite');
require '@WORK@/salts.php';
$table_prefix = 'wp_';
define('WP_HOME', 'http://127.0.0.1:@PORT@');
define('WP_SITEURL', 'http://127.0.0.1:@PORT@');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);  // no outgoing network: update checks, feeds, oEmbed
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
