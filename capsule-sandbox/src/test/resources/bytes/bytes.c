/* A capsule that takes bytes: one well-behaved function of each kind, and the ways a capsule can lie about its room. */
#include "../../../../samples/elastos.h"

static unsigned char *room;
static int room_size;
static int mode;
static unsigned char *output;

__attribute__((export_name("set_mode")))
int set_mode(int value) {
  mode = value;
  return 0;
}

/* Room at the end of memory, grown once to the largest capacity asked for. */
__attribute__((export_name("elastos_buffer")))
int elastos_buffer(int capacity) {
  output = 0;
  if (mode == 1) {
    return 0x7ffffff0;
  }
  if (capacity > room_size) {
    int pages = (capacity + 65535) / 65536;
    int first = __builtin_wasm_memory_grow(0, pages);
    if (first < 0) {
      return 0;
    }
    room = (unsigned char *) (first * 65536);
    room_size = pages * 65536;
  }
  return (int) room;
}

__attribute__((export_name("reverse")))
int reverse(unsigned char *data, int length, int capacity) {
  for (int i = 0, j = length - 1; i < j; i++, j--) {
    unsigned char t = data[i];
    data[i] = data[j];
    data[j] = t;
  }
  return length;
}

/* The input twice, if there is room: output longer than input; -2 when there is not. */
__attribute__((export_name("twice")))
int twice(unsigned char *data, int length, int capacity) {
  if (2 * length > capacity) {
    return -2;
  }
  for (int i = 0; i < length; i++) {
    data[length + i] = data[i];
  }
  return 2 * length;
}

__attribute__((export_name("overclaim")))
int overclaim(unsigned char *data, int length, int capacity) {
  return capacity + 1;
}

/* The first 8 bytes are an IV; the rest is decrypted in two ranges of one keystream, split at byte 5. */
__attribute__((export_name("decrypt")))
int decrypt(unsigned char *data, int length, int capacity) {
  if (length < 8) {
    return -1;
  }
  int body = length - 8;
  int first = body < 5 ? body : 5;
  elastos_media_decrypt(data, 8, 0, data + 8, first);
  elastos_media_decrypt(data, 8, first, data + 8 + first, body - first);
  return length;
}

__attribute__((export_name("decrypt_outside")))
int decrypt_outside(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, (unsigned char *) 0x7ffffff0, 64);
  return length;
}

__attribute__((export_name("decrypt_bad_iv")))
int decrypt_bad_iv(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 12, 0, data, length);
  return length;
}

/* Marks the body for decryption, then copies it after itself: the copy is what the capsule held, which stays
   ciphertext, while the body it marked leaves clear. */
__attribute__((export_name("decrypt_and_copy")))
int decrypt_and_copy(unsigned char *data, int length, int capacity) {
  int body = length - 8;
  if (body < 0 || length + body > capacity) {
    return -2;
  }
  elastos_media_decrypt(data, 8, 0, data + 8, body);
  for (int i = 0; i < body; i++) {
    data[length + i] = data[8 + i];
  }
  return length + body;
}

/* Marks the body, then hands back only the IV: the marked range lies past the output's end. */
__attribute__((export_name("decrypt_past_output")))
int decrypt_past_output(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, data + 8, length - 8);
  return 8;
}

/* Marks bytes in a call that hands none back. */
static unsigned char loose[16];

__attribute__((export_name("decrypt_in_plain_call")))
int decrypt_in_plain_call(void) {
  elastos_media_decrypt(loose, 8, 0, loose + 8, 8);
  return 0;
}

/* Marks one range more than a call may. */
__attribute__((export_name("decrypt_too_many")))
int decrypt_too_many(unsigned char *data, int length, int capacity) {
  for (int i = 0; i <= 65536; i++) {
    elastos_media_decrypt(data, 8, 0, data + 8, 0);
  }
  return length;
}

/* Marks its whole output, the IV's own bytes too (the IV is read when marked). */
__attribute__((export_name("decrypt_all")))
int decrypt_all(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, data, length);
  return length;
}

/* Marks 8 bytes past its room, still inside its memory. */
__attribute__((export_name("decrypt_past_room")))
int decrypt_past_room(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, data + 8, capacity);
  return length;
}

/* Marks a range of -1 bytes. */
__attribute__((export_name("decrypt_negative")))
int decrypt_negative(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, data + 8, -1);
  return length;
}

/* Marks the body, then refuses the input: its marks must not reach the next call. */
__attribute__((export_name("decrypt_and_refuse")))
int decrypt_and_refuse(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, data + 8, length - 8);
  return -3;
}

/* An IV at a place in memory set by set_mode: the last 8 bytes (2), half past the end (3), address 0 (4). */
__attribute__((export_name("decrypt_iv_at")))
int decrypt_iv_at(unsigned char *data, int length, int capacity) {
  unsigned int end = __builtin_wasm_memory_size(0) * 65536;
  unsigned int iv = mode == 2 ? end - 8 : mode == 3 ? end - 4 : 0;
  elastos_media_decrypt((unsigned char *) iv, 8, 0, data, 0);
  return length;
}

/* Where the last call's output begins: the room's start unless the call said otherwise; with mode 5, far outside
   memory. */
__attribute__((export_name("elastos_output_at")))
int elastos_output_at(void) {
  if (mode == 5) {
    return 0x7ffffff0;
  }
  return (int) (output ? output : room);
}

/* The first 8 bytes are an IV: hands back the rest, decrypted, where it lies, without moving it to the room's start. */
__attribute__((export_name("drop_iv")))
int drop_iv(unsigned char *data, int length, int capacity) {
  if (length < 8) {
    return -1;
  }
  elastos_media_decrypt(data, 8, 0, data + 8, length - 8);
  output = data + 8;
  return length - 8;
}

/* Hands back its whole room but one byte, starting one byte in: the output ends one byte past the room. */
__attribute__((export_name("output_past_room")))
int output_past_room(unsigned char *data, int length, int capacity) {
  output = data + 1;
  return capacity;
}

/* Marks the IV itself for decryption, then hands back only what follows it: the mark lies before the output. */
__attribute__((export_name("decrypt_before_output")))
int decrypt_before_output(unsigned char *data, int length, int capacity) {
  elastos_media_decrypt(data, 8, 0, data, 8);
  output = data + 8;
  return length - 8;
}
