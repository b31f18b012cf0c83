/* A capsule that imports a capability nobody grants (and this device does not even offer): network access. */
__attribute__((import_module("elastos"), import_name("net_connect")))
int net_connect(const char *host, int length);

__attribute__((export_name("run")))
int run(void) {
  static const char host[] = "example.org";
  return net_connect(host, (int) sizeof(host) - 1);
}
