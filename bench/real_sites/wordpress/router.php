<?php
// PHP's built-in server: serve a file that exists as it is, send every other address to WordPress
// (what Apache's rewrite rules do for the site's "/%postname%/" permalinks).
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
if ($path !== '/' && is_dir($_SERVER['DOCUMENT_ROOT'] . $path) && is_file($_SERVER['DOCUMENT_ROOT'] . rtrim($path, '/') . '/index.php')) {
    $_SERVER['SCRIPT_NAME'] = rtrim($path, '/') . '/index.php';
    require $_SERVER['DOCUMENT_ROOT'] . $_SERVER['SCRIPT_NAME'];
    return;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
