<?php
/* Proving-ground settings on top of Debian's dokuwiki.php defaults (up.sh sets savedir). */
$conf['title'] = 'Team Handbook';
$conf['license'] = 'cc-by-sa';
$conf['useacl'] = 1;
$conf['superuser'] = '@admin';
$conf['openregister'] = 1;      // anyone may create an account (the register form)
$conf['autopasswd'] = 0;        // people choose their own password when they register
$conf['resendpasswd'] = 1;      // "Forgotten your password?" route
$conf['mailfrom'] = 'wiki@127.0.0.1';
$conf['userewrite'] = 0;
$conf['updatecheck'] = 0;       // no outgoing network
$conf['usegzip'] = 0;
