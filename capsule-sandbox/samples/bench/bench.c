/* The benchmark capsule: an empty call, and a byte transform over its own memory (no capabilities at all). */
static unsigned char data[1 << 15];

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
