package org.elastos.frontdoor.box;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import org.elastos.frontdoor.wallet.hostkey.HostKey;

/** What a box keeps in its data folder, opened once and shared by its API and its command line. */
record BoxState(HostKey key, String name, DeviceRegistry devices, InviteBook invites, DeviceTokens tokens,
                BoxFolders folders, AuditLog audit) {
}
