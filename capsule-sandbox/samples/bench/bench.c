/* The benchmark capsule: an empty call, calls out to the host, and a byte transform over its own memory. */
#include "../elastos.h"

static unsigned char data[1 << 15];

/* Calls the host's log function n times with nothing to log: the cost of crossing from capsule to host and back. */
__attribute__((export_name("call_host")))
int call_host(int n) {
  for (int i = 0; i < n; i++) {
    elastos_log(0, 0);
  }
  return n;
}

__attribute__((export_name("noop")))
int noop(void) {
  return 0;
}

/* Rotates every byte left by 3 and mixes in its position, rounds times over 32 KiB; returns a checksum. */
__attribute__((export_name("transform")))
int transform(int rounds) {
  unsigned int sum = 0;
  for (int r = 0; r < rounds; r++) {
    for (int i = 0; i < (int) sizeof(data); i++) {
      unsigned char b = data[i];
      b = (unsigned char) ((b << 3) | (b >> 5)) ^ (unsigned char) i;
      data[i] = b;
      sum += b;
    }
  }
  return (int) sum;
}
