<?php
/*
 * Plugin Name: Proving-ground mail sender (bench/real_sites/wordpress/up.sh copies it to mu-plugins)
 * Why: WordPress sends from "wordpress@<host>", and on 127.0.0.1 that is no address PHPMailer accepts, so
 * every mail (registration, lost password) failed with "The email could not be sent". A site on a real
 * domain has a valid sender; this gives the local copy one. The mail itself goes to .work/mail.log.
 */
add_filter('wp_mail_from', function () {
    return 'hello@millbrook-repair.example.test';
});
add_filter('wp_mail_from_name', function () {
    return 'Millbrook Repair Café';
});
