# Appended to the generated LocalSettings.php by up.sh (after $wgCacheDirectory).
# Mail through PHP's mail(): up.sh sets sendmail_path to append every message to .work/mail.log.
$wgEnableEmail = true;
$wgEnableUserEmail = true;
$wgEmergencyContact = "admin@example.test";
$wgPasswordSender = "wiki@example.test";
# No object cache is installed (no APCu): keep sessions and the parser cache in the database.
$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
