/* The capabilities a capsule can import from the front door (module "elastos"). Each works only if granted. */
#ifndef ELASTOS_CAPSULE_H
#define ELASTOS_CAPSULE_H

/* log: one line of text to the capsule's audit log (rate-limited per call). */
__attribute__((import_module("elastos"), import_name("log")))
void elastos_log(const char *text, int length);

/* folder.read: reads a file inside the granted folder; returns the bytes read, or -1 if there is no such file. */
__attribute__((import_module("elastos"), import_name("folder_read")))
int elastos_folder_read(const char *path, int path_length, char *buffer, int buffer_length);

/* media.decrypt: marks `length` bytes at `data`, in the output of the call that is running, for decryption under the
   one key the capsule was loaded with (it never sees the key), with AES-128-CTR whose counter block is the 8- or
   16-byte `iv`, `stream_offset` bytes into that keystream. The host decrypts them as the output leaves the capsule:
   the capsule never holds them clear, so `data` is where the bytes will lie when the call returns. The IV is read at
   once. Returns 0. A range outside the room of a call that hands bytes back (or in a call that hands none), past
   the output's end when it returns, more than 65,536 ranges in a call, or another IV size stops the capsule. */
__attribute__((import_module("elastos"), import_name("media_decrypt")))
int elastos_media_decrypt(const unsigned char *iv, int iv_length, long long stream_offset, unsigned char *data, int length);

/* A capsule that takes bytes exports elastos_buffer(capacity) -> pointer to room for that many bytes in its memory,
   and functions f(pointer, length, capacity) -> bytes of output left at the pointer, or a negative code. */

#define ELASTOS_LOG(literal) elastos_log((literal), (int) sizeof(literal) - 1)

#endif
