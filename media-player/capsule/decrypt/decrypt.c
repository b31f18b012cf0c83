/*
 * The decrypt capsule: takes one encrypted CMAF media segment (MPEG Common Encryption, scheme cenc), takes the
 * encryption boxes (senc, saiz, saio) out of each traf, fixes the sizes and data offsets, and marks every protected
 * range for media.decrypt where it lies once the boxes are out. The host decrypts the marked ranges under the one key
 * the capsule was loaded with as the segment leaves the capsule: it never sees the key, nor a clear byte. Each
 * sample's IV and subsamples are read where saiz and saio point, as the standard says.
 *
 * The segment is closed up towards its end, not its start: what follows the last moof, most often the one mdat that
 * holds nearly all the bytes, stays where it is, and only what comes before it moves. The output begins where
 * elastos_output_at says.
 *
 * The segment comes from a seller's box over the network: every field is checked against the segment's end before
 * it is read. A segment it cannot read is refused with a negative code:
 *   -1 the boxes do not nest within the segment; -2 a layout this capsule does not read (data not counted from the
 *   moof, a trun without a data offset, a 64-bit moof or traf, more than one saio offset); -3 auxiliary information
 *   outside the segment or of the wrong size; -4 a sample outside its mdat; -5 subsamples that do not cover their
 *   sample; -6 no IV size set; -7 a moof without its mdat; -2 also for more than 2,048 fragments or 64 truns in one
 *   moof.
 */
#include "../../../capsule-sandbox/samples/elastos.h"

#define MALFORMED -1
#define UNSUPPORTED -2
#define BAD_AUX_INFO -3
#define SAMPLE_OUTSIDE -4
#define BAD_SUBSAMPLES -5
#define NO_IV_SIZE -6
#define NO_MDAT -7

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define MOST_FRAGMENTS 2048

static u8 *room;
static int room_size;
static int iv_size;
static u8 *output;

/* The moofs of the segment being rewritten: where each lies, its size, and the bytes its encryption boxes take. */
static struct {
  u32 at;
  u32 size;
  u32 removed;
} fragments[MOST_FRAGMENTS];

__attribute__((export_name("elastos_buffer")))
int elastos_buffer(int capacity) {
  output = 0;
  if (capacity > room_size) {
    int pages = (capacity + 65535) / 65536;
    int first = __builtin_wasm_memory_grow(0, pages);
    if (first < 0) {
      return 0;
    }
    room = (u8 *) (first * 65536);
    room_size = pages * 65536;
  }
  return (int) room;
}

/* Where the last call's output begins: within the room, past what decrypt_segment took out. */
__attribute__((export_name("elastos_output_at")))
int elastos_output_at(void) {
  return (int) (output ? output : room);
}

/* From the init segment's tenc: 8 or 16. */
__attribute__((export_name("set_iv_size")))
int set_iv_size(int size) {
  if (size != 8 && size != 16) {
    return -1;
  }
  iv_size = size;
  return 0;
}

static u32 be32(const u8 *p) {
  return ((u32) p[0] << 24) | ((u32) p[1] << 16) | ((u32) p[2] << 8) | (u32) p[3];
}

static void put32(u8 *p, u32 v) {
  p[0] = (u8) (v >> 24);
  p[1] = (u8) (v >> 16);
  p[2] = (u8) (v >> 8);
  p[3] = (u8) v;
}

static int is(const u8 *type, const char *name) {
  return type[0] == name[0] && type[1] == name[1] && type[2] == name[2] && type[3] == name[3];
}

/* One box within [at, end): its header length and total size, or 0 when it does not fit. */
typedef struct {
  u32 at;
  u32 header;
  u32 size;
  const u8 *type;
} box;

static int box_at(const u8 *s, u32 at, u32 end, box *b) {
  if (at > end || end - at < 8) {
    return 0;
  }
  u64 size = be32(s + at);
  u32 header = 8;
  if (size == 1) {
    if (end - at < 16) {
      return 0;
    }
    size = ((u64) be32(s + at + 8) << 32) | be32(s + at + 12);
    header = 16;
  } else if (size == 0) {
    size = end - at;
  }
  if (size < header || size > end - at) {
    return 0;
  }
  b->at = at;
  b->header = header;
  b->size = (u32) size;
  b->type = s + at + 4;
  return 1;
}

/* A bounded reader over one box's payload. */
typedef struct {
  const u8 *p;
  u32 left;
  int bad;
} fields;

static fields payload(const u8 *s, const box *b) {
  fields f = {s + b->at + b->header, b->size - b->header, 0};
  return f;
}

static u32 take32(fields *f) {
  if (f->left < 4) {
    f->bad = 1;
    return 0;
  }
  u32 v = be32(f->p);
  f->p += 4;
  f->left -= 4;
  return v;
}

static u32 take16(fields *f) {
  if (f->left < 2) {
    f->bad = 1;
    return 0;
  }
  u32 v = ((u32) f->p[0] << 8) | f->p[1];
  f->p += 2;
  f->left -= 2;
  return v;
}

static u32 take8(fields *f) {
  if (f->left < 1) {
    f->bad = 1;
    return 0;
  }
  u32 v = f->p[0];
  f->p += 1;
  f->left -= 1;
  return v;
}

static void skip(fields *f, u32 n) {
  if (f->left < n) {
    f->bad = 1;
    return;
  }
  f->p += n;
  f->left -= n;
}

static int encryption_box(const u8 *type) {
  return is(type, "senc") || is(type, "saiz") || is(type, "saio");
}

/* The bytes rewrite_moof will take out of this moof, its trafs' encryption boxes; -1 when a box does not nest. */
__attribute__((noinline)) static long long encryption_bytes(const u8 *s, const box *moof) {
  long long total = 0;
  for (u32 c = moof->at + 8; c < moof->at + moof->size;) {
    box child;
    if (!box_at(s, c, moof->at + moof->size, &child)) {
      return -1;
    }
    c += child.size;
    if (!is(child.type, "traf")) {
      continue;
    }
    for (u32 p = child.at + child.header; p < child.at + child.size;) {
      box part;
      if (!box_at(s, p, child.at + child.size, &part)) {
        return -1;
      }
      p += part.size;
      if (encryption_box(part.type)) {
        total += part.size;
      }
    }
  }
  return total;
}

/* Checks one traf's samples (their data lie in [data_at, data_end) of the segment) and marks their protected ranges
   for decryption where they will lie after the rewrite, `forward` bytes after where they lie now. */
__attribute__((noinline)) static int decrypt_traf(u8 *s, u32 length, const box *traf, u32 moof_at, u32 data_at, u32 data_end, u32 forward) {
  box tfhd = {0}, saiz = {0}, saio = {0};
  int have_tfhd = 0, have_saiz = 0, have_saio = 0;
  for (u32 at = traf->at + traf->header; at < traf->at + traf->size;) {
    box child;
    if (!box_at(s, at, traf->at + traf->size, &child)) {
      return MALFORMED;
    }
    if (is(child.type, "tfhd")) { tfhd = child; have_tfhd = 1; }
    if (is(child.type, "saiz")) { saiz = child; have_saiz = 1; }
    if (is(child.type, "saio")) { saio = child; have_saio = 1; }
    at += child.size;
  }
  if (!have_tfhd) {
    return MALFORMED;
  }
  fields h = payload(s, &tfhd);
  u32 flags = take32(&h) & 0xffffff;
  take32(&h);
  if ((flags & 0x1) || !(flags & 0x20000)) {
    return UNSUPPORTED;
  }
  if (flags & 0x2) skip(&h, 4);
  if (flags & 0x8) skip(&h, 4);
  long long default_size = (flags & 0x10) ? (long long) take32(&h) : -1;
  if (h.bad) {
    return MALFORMED;
  }
  if (!have_saiz || !have_saio) {
    return BAD_AUX_INFO;
  }
  fields z = payload(s, &saiz);
  u32 zflags = take32(&z) & 0xffffff;
  if (zflags & 1) skip(&z, 8);
  u32 default_info = take8(&z);
  u32 info_count = take32(&z);
  fields o = payload(s, &saio);
  u32 oversion_flags = take32(&o);
  if (oversion_flags & 1) skip(&o, 8);
  if (take32(&o) != 1) {
    return o.bad ? BAD_AUX_INFO : UNSUPPORTED;
  }
  u64 info_offset = (oversion_flags >> 24) == 1 ? ((u64) take32(&o) << 32) | take32(&o) : take32(&o);
  if (z.bad || o.bad) {
    return BAD_AUX_INFO;
  }
  u64 info_at = (u64) moof_at + info_offset;
  u32 sample = 0;
  for (u32 at = traf->at + traf->header; at < traf->at + traf->size;) {
    box trun;
    box_at(s, at, traf->at + traf->size, &trun);
    at += trun.size;
    if (!is(trun.type, "trun")) {
      continue;
    }
    if (trun.header != 8) {
      return UNSUPPORTED;
    }
    fields r = payload(s, &trun);
    u32 rflags = take32(&r) & 0xffffff;
    u32 count = take32(&r);
    if (!(rflags & 0x1)) {
      return UNSUPPORTED;
    }
    long long position = (long long) moof_at + (int) take32(&r);
    if (rflags & 0x4) skip(&r, 4);
    for (u32 i = 0; i < count; i++, sample++) {
      if (rflags & 0x100) skip(&r, 4);
      long long size = (rflags & 0x200) ? (long long) take32(&r) : default_size;
      if (rflags & 0x400) skip(&r, 4);
      if (rflags & 0x800) skip(&r, 4);
      if (r.bad) {
        return MALFORMED;
      }
      if (size < 0 || position < (long long) data_at || position + size > (long long) data_end) {
        return SAMPLE_OUTSIDE;
      }
      if (sample >= info_count) {
        return BAD_AUX_INFO;
      }
      u32 info_size = default_info;
      if (info_size == 0) {
        info_size = take8(&z);
        if (z.bad) {
          return BAD_AUX_INFO;
        }
      }
      if (info_at + info_size > length || info_size < (u32) iv_size) {
        return BAD_AUX_INFO;
      }
      fields info = {s + info_at, info_size, 0};
      const u8 *iv = info.p;
      skip(&info, iv_size);
      info_at += info_size;
      u8 *data = s + position + forward;
      if (info.left == 0) {
        elastos_media_decrypt(iv, iv_size, 0, data, (int) size);
      } else {
        u32 ranges = take16(&info);
        u64 covered = 0;
        u64 stream = 0;
        for (u32 k = 0; k < ranges; k++) {
          u32 clear = take16(&info);
          u32 protected_bytes = take32(&info);
          if (info.bad) {
            return BAD_AUX_INFO;
          }
          covered += clear;
          if (covered + protected_bytes > (u64) size) {
            return BAD_SUBSAMPLES;
          }
          elastos_media_decrypt(iv, iv_size, (long long) stream, data + covered, (int) protected_bytes);
          stream += protected_bytes;
          covered += protected_bytes;
        }
        if (covered != (u64) size || info.left != 0) {
          return BAD_SUBSAMPLES;
        }
      }
      position += size;
    }
  }
  if (sample != info_count) {
    return BAD_AUX_INFO;
  }
  return 0;
}

/* Rewrites the moof in place without its encryption boxes, closed up towards its start, fixing sizes and trun
   offsets: its new size. */
__attribute__((noinline)) static int rewrite_moof(u8 *s, const box *moof) {
  u32 from = moof->at;
  u32 to = from;
  u32 old_size = moof->size;
  u32 end = from + old_size;
  u32 w = to + 8;
  u32 truns[64];
  int trun_count = 0;
  for (u32 r = from + 8; r < end;) {
    box child;
    box_at(s, r, end, &child);
    u32 child_size = child.size;
    if (!is(child.type, "traf")) {
      __builtin_memmove(s + w, s + r, child_size);
      w += child_size;
      r += child_size;
      continue;
    }
    u32 traf_at = w;
    __builtin_memmove(s + w, s + r, 8);
    w += 8;
    for (u32 c = r + 8; c < r + child_size;) {
      box part;
      box_at(s, c, r + child_size, &part);
      u32 part_size = part.size;
      int drop = encryption_box(part.type);
      int trun = is(part.type, "trun");
      if (!drop) {
        if (trun) {
          if (trun_count == 64) {
            return UNSUPPORTED;
          }
          truns[trun_count++] = w;
        }
        __builtin_memmove(s + w, s + c, part_size);
        w += part_size;
      }
      c += part_size;
    }
    put32(s + traf_at, w - traf_at);
    r += child_size;
  }
  u32 new_size = w - to;
  put32(s + to, new_size);
  s[to + 4] = 'm'; s[to + 5] = 'o'; s[to + 6] = 'o'; s[to + 7] = 'f';
  int delta = (int) new_size - (int) old_size;
  for (int i = 0; i < trun_count; i++) {
    u8 *offset = s + truns[i] + 16;
    put32(offset, (u32) ((int) be32(offset) + delta));
  }
  return (int) new_size;
}

static void move(u8 *s, u32 from, u32 length, u32 by) {
  if (by != 0 && length != 0) {
    __builtin_memmove(s + from + by, s + from, length);
  }
}

__attribute__((export_name("decrypt_segment")))
int decrypt_segment(u8 *s, int length, int capacity) {
  if (iv_size == 0) {
    return NO_IV_SIZE;
  }
  u32 end = (u32) length;
  /* First the fragments are found and what each moof loses counted; then every fragment is checked and its ranges
     marked where they will lie; then each moof is rewritten and the segment closed up towards its end. */
  u32 count = 0;
  u32 total = 0;
  for (u32 at = 0; at < end;) {
    box top;
    if (!box_at(s, at, end, &top)) {
      return MALFORMED;
    }
    at += top.size;
    if (!is(top.type, "moof")) {
      continue;
    }
    box mdat;
    if (!box_at(s, at, end, &mdat) || !is(mdat.type, "mdat")) {
      return NO_MDAT;
    }
    if (top.header != 8 || count == MOST_FRAGMENTS) {
      return UNSUPPORTED;
    }
    long long removed = encryption_bytes(s, &top);
    if (removed < 0) {
      return MALFORMED;
    }
    fragments[count].at = top.at;
    fragments[count].size = top.size;
    fragments[count].removed = (u32) removed;
    count++;
    total += (u32) removed;
  }
  /* What follows a moof moves forward by what the moofs after it lose. */
  u32 forward = total;
  for (u32 i = 0; i < count; i++) {
    box moof;
    box_at(s, fragments[i].at, end, &moof);
    box mdat;
    box_at(s, moof.at + moof.size, end, &mdat);
    forward -= fragments[i].removed;
    for (u32 c = moof.at + 8; c < moof.at + moof.size;) {
      box child;
      box_at(s, c, moof.at + moof.size, &child);
      c += child.size;
      if (!is(child.type, "traf")) {
        continue;
      }
      if (child.header != 8) {
        return UNSUPPORTED;
      }
      int failed = decrypt_traf(s, end, &child, moof.at, mdat.at + mdat.header, mdat.at + mdat.size, forward);
      if (failed) {
        return failed;
      }
    }
  }
  for (u32 i = 0; i < count; i++) {
    box moof;
    box_at(s, fragments[i].at, end, &moof);
    int written = rewrite_moof(s, &moof);
    if (written < 0) {
      return written;
    }
    if ((u32) written + fragments[i].removed != moof.size) {
      return MALFORMED;
    }
  }
  /* From the end back: the stretch after each moof moves forward by what the later moofs lost, the moof itself by
     that and its own loss too, so each moof still ends where its mdat begins. */
  u32 by = 0;
  u32 stretch_end = end;
  for (u32 i = count; i-- > 0;) {
    u32 after = fragments[i].at + fragments[i].size;
    move(s, after, stretch_end - after, by);
    by += fragments[i].removed;
    move(s, fragments[i].at, fragments[i].size - fragments[i].removed, by);
    stretch_end = fragments[i].at;
  }
  move(s, 0, stretch_end, by);
  output = s + total;
  return (int) (end - total);
}
