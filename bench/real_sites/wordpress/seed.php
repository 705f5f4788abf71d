<?php
/**
 * Install and seed the proving ground's WordPress (run by up.sh with PHP's CLI, never by the server).
 *
 * Why a script: WordPress has no command-line installer in Debian's package; wp_install() and the
 * ordinary API (wp_insert_user, wp_insert_post, wp_insert_comment, update_option) are what its web
 * installer and admin screens call. Usage: php seed.php <wordpress folder> [--password-only]
 * (--password-only: set the seeded accounts' password, $EMPATHY_SITE_PASSWORD, and nothing else).
 */
$root = $argv[1];
$password_only = in_array('--password-only', $argv, true);
$password = getenv('EMPATHY_SITE_PASSWORD');
if ($password === false || $password === '') {
    fwrite(STDERR, "seed.php: EMPATHY_SITE_PASSWORD is empty (up.sh sets it)\n");
    exit(1);
}
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
if (!$password_only) {
    define('WP_INSTALLING', true);
}
require $root . '/wp-load.php';

if ($password_only) {
    foreach (array('admin', 'alex') as $login) {
        wp_set_password($password, get_user_by('login', $login)->ID);
    }
    exit(0);
}

require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$installed = wp_install('Millbrook Repair Café', 'admin', 'robin@example.test', true, '', wp_slash($password), 'en_US');
$admin = $installed['user_id'];
wp_update_user(array('ID' => $admin, 'first_name' => 'Robin', 'last_name' => 'Hale', 'display_name' => 'Robin Hale', 'nickname' => 'Robin'));

$alex = wp_insert_user(array(
    'user_login' => 'alex', 'user_pass' => $password, 'user_email' => 'alex@example.test',
    'first_name' => 'Alex', 'last_name' => 'Morgan', 'display_name' => 'Alex Morgan', 'nickname' => 'Alex',
    'role' => 'author',
));

foreach (array(
    'blogdescription' => 'Bring it broken, take it home working',
    'users_can_register' => 1,
    'default_role' => 'subscriber',
    'permalink_structure' => '/%postname%/',
    'timezone_string' => 'Europe/London',
    'date_format' => 'j F Y',
    'template' => 'twentytwentyone',
    'stylesheet' => 'twentytwentyone',
    'active_plugins' => array('sqlite-database-integration/load.php'),
    'show_avatars' => 0,  // avatars come from Gravatar, which this machine cannot reach
) as $name => $value) {
    update_option($name, $value);
}
// The installer's sample content ("Hello world!", "Sample Page", the privacy policy draft) is not the site's.
foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any', 'numberposts' => -1)) as $sample) {
    wp_delete_post($sample->ID, true);
}

// The site's pages and posts: type, title, author, date, paragraphs. Posts take comments; pages do not.
$content = array(
    array('page', 'About us', $admin, '2026-09-01 10:00:00', array(
        'Millbrook Repair Café is a free monthly meeting where volunteers help you mend what is broken: lamps, toasters, bicycles, jumpers and jeans.',
        'We meet on the second Saturday of every month, 10:00 to 13:00, in the Millbrook Community Hall on Station Road.',
        'Ask a question under any post and a volunteer will answer, usually within a day.')),
    array('page', 'Volunteer with us', $admin, '2026-09-01 10:05:00', array(
        'We need people who can sew, solder, sharpen or simply make tea. No experience with repairs is needed for the welcome desk.',
        'Create an account and leave a comment under "Volunteers wanted for the sewing table", or come along on a Saturday.')),
    array('post', 'Repair café this Saturday: bring your broken toaster', $alex, '2026-11-28 09:30:00', array(
        'Our December repair café is on Saturday 12 December, 10:00 to 13:00, in the Millbrook Community Hall.',
        'This month we have two electricians, a bicycle mechanic and the sewing table. Bring one item per person, and tell us below what you are bringing so that the right volunteer is there.')),
    array('post', 'What we fixed in November', $alex, '2026-11-16 18:00:00', array(
        'Forty-one items came through the door in November and thirty-two went home working: eleven lamps, six kettles, a sewing machine, four bicycles and a very old radio.',
        'Thank you to everyone who waited patiently at the welcome desk.')),
    array('post', 'Volunteers wanted for the sewing table', $admin, '2026-11-02 12:00:00', array(
        'The sewing table is our busiest. If you can replace a zip or darn a jumper, we would love your help one Saturday a month.',
        'Leave a comment below and Robin will get in touch.')),
);
$ids = array();
foreach ($content as list($type, $title, $author, $date, $lines)) {
    $blocks = array_map(fn ($line) => "<!-- wp:paragraph -->\n<p>$line</p>\n<!-- /wp:paragraph -->", $lines);
    $ids[$title] = wp_insert_post(array(
        'post_type' => $type, 'post_status' => 'publish', 'post_title' => $title, 'post_author' => $author,
        'post_content' => implode("\n\n", $blocks), 'post_date' => $date,
        'comment_status' => $type === 'post' ? 'open' : 'closed',
    ));
}
$toaster = $ids['Repair café this Saturday: bring your broken toaster'];

wp_insert_comment(array(
    'comment_post_ID' => $toaster, 'comment_author' => 'Priya Shah', 'comment_author_email' => 'priya@example.test',
    'comment_content' => 'I will bring a bedside lamp that flickers when the cable is moved. Is that one for the electricians?',
    'comment_approved' => 1, 'comment_date' => '2026-11-29 08:15:00', 'comment_date_gmt' => '2026-11-29 08:15:00',
));
// The main menu: the two pages and the way in (the theme shows no sign-in link of its own).
$menu = wp_create_nav_menu('Main menu');
foreach (array('About us', 'Volunteer with us') as $title) {
    wp_update_nav_menu_item($menu, 0, array('menu-item-title' => $title, 'menu-item-object' => 'page', 'menu-item-object-id' => $ids[$title], 'menu-item-type' => 'post_type', 'menu-item-status' => 'publish'));
}
wp_update_nav_menu_item($menu, 0, array('menu-item-title' => 'Log in', 'menu-item-url' => home_url('/wp-login.php'), 'menu-item-type' => 'custom', 'menu-item-status' => 'publish'));
set_theme_mod('nav_menu_locations', array('primary' => $menu));
// Alex has closed the dashboard's news panel (it reads feeds from the network, which this machine has not).
update_user_meta($alex, 'metaboxhidden_dashboard', array('dashboard_primary'));
flush_rewrite_rules();
echo "seeded: admin (Robin Hale), alex (Alex Morgan), 3 posts, 2 pages\n";
