/* The capabilities a capsule can import from the front door (module "elastos"). Each works only if granted. */
#ifndef ELASTOS_CAPSULE_H
#define ELASTOS_CAPSULE_H

/* log: one line of text to the capsule's audit log (rate-limited per call). */
__attribute__((import_module("elastos"), import_name("log")))
void elastos_log(const char *text, int length);

/* folder.read: reads a file inside the granted folder; returns the bytes read, or -1 if there is no such file. */
__attribute__((import_module("elastos"), import_name("folder_read")))
int elastos_folder_read(const char *path, int path_length, char *buffer, int buffer_length);

#define ELASTOS_LOG(literal) elastos_log((literal), (int) sizeof(literal) - 1)

#endif
