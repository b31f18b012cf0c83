/* The sample capsule: greets, reads the welcome note from the Films folder it is granted, and reports its size. */
#include "../elastos.h"

static char note[4096];

__attribute__((export_name("run")))
int run(void) {
  ELASTOS_LOG("hello from a capsule");
  static const char path[] = "Films/welcome.txt";
  int length = elastos_folder_read(path, (int) sizeof(path) - 1, note, (int) sizeof(note));
  if (length < 0) {
    ELASTOS_LOG("no welcome note in Films");
    return -1;
  }
  elastos_log(note, length);
  return length;
}
