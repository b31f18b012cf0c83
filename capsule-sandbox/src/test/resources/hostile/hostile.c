/* Capsules that misbehave, one export each; the tests load this module and call one of them. */
#include "../../../../samples/elastos.h"

__attribute__((export_name("spin")))
int spin(void) {
  volatile int i = 0;
  for (;;) {
    i++;
  }
}

__attribute__((export_name("grab_memory")))
int grab_memory(void) {
  int grown = 0;
  while (__builtin_wasm_memory_grow(0, 16) != -1) {
    grown += 16;
  }
  return grown;
}

__attribute__((export_name("flood_log")))
int flood_log(void) {
  for (int i = 0; i < 100000; i++) {
    ELASTOS_LOG("flood");
  }
  return 0;
}

__attribute__((export_name("escape_folder")))
int escape_folder(void) {
  static char buffer[256];
  static const char path[] = "Films/../Personal/diary.txt";
  return elastos_folder_read(path, (int) sizeof(path) - 1, buffer, (int) sizeof(buffer));
}

__attribute__((export_name("divide")))
int divide(int a, int b) {
  return a / b;
}
