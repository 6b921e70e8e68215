package footprint

import (
	"bufio"
	"debug/elf"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"
)

// Linux keeps a freshly written or read-ahead executable in the page cache
// in large folios and maps its code with 2 MB pages (FilePmdMapped in
// /proc/<pid>/smaps): touching one function makes 2 MB resident, so start-up
// (every package's init, the migrations, a first request) leaves nearly
// the whole 65 MB binary counted in the server's resident memory, although
// serving uses a fraction of it. releaseCode marks the code and read-only
// data not to be mapped in huge pages and drops the current mappings;
// what the server runs afterwards is read back from the file in small
// pages. Only segments the program never writes are touched: the
// relocated read-only part (RELRO) and every writable segment are left
// alone, since dropping them would lose what the loader wrote there.

// pageSize is the unit the mappings are rounded to.
var pageSize = uintptr(os.Getpagesize())

// span is an address range [lo, hi).
type span struct{ lo, hi uintptr }

func (s span) overlaps(o span) bool { return s.lo < o.hi && o.lo < s.hi }

func releaseCode() (int64, error) {
	maps, err := ownMappings()
	if err != nil {
		return 0, err
	}
	keep, err := writtenSpans(maps)
	if err != nil {
		return 0, err
	}
	var released int64
	for _, m := range maps {
		if m.perms != "r-xp" && m.perms != "r--p" {
			continue
		}
		if touchesAny(m.span, keep) {
			continue
		}
		n := m.hi - m.lo
		if err := madvise(m.lo, n, syscall.MADV_NOHUGEPAGE); err != nil {
			return released, err
		}
		if err := madvise(m.lo, n, syscall.MADV_DONTNEED); err != nil {
			return released, err
		}
		released += int64(n)
	}
	if released > 0 {
		dropCache()
	}
	return released, nil
}

// dropCache asks the system to forget the executable's cached pages that
// are no longer mapped, after writing back any it has not written yet (a
// binary started right after it was built or copied): read again through
// the page faults of serving, they come back in small pieces.
func dropCache() {
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		return
	}
	defer f.Close()
	f.Sync()
	const fadvDontNeed = 4 // POSIX_FADV_DONTNEED
	syscall.Syscall6(syscall.SYS_FADVISE64, f.Fd(), 0, 0, fadvDontNeed, 0, 0)
}

func touchesAny(s span, spans []span) bool {
	for _, k := range spans {
		if s.overlaps(k) {
			return true
		}
	}
	return false
}

func madvise(addr, n uintptr, advice int) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice)); e != 0 {
		return fmt.Errorf("footprint: madvise %#x+%d: %w", addr, n, e)
	}
	return nil
}

// mapping is one line of /proc/self/maps for the executable.
type mapping struct {
	span
	perms  string
	offset uint64
}

// ownMappings lists the mappings of the file this function's code lives in.
func ownMappings() ([]mapping, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	self := reflect.ValueOf(releaseCode).Pointer()
	var all []mapping
	var names []string
	exe := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		a, err1 := strconv.ParseUint(lo, 16, 64)
		b, err2 := strconv.ParseUint(hi, 16, 64)
		off, err3 := strconv.ParseUint(fields[2], 16, 64)
		if !ok || err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		m := mapping{span: span{uintptr(a), uintptr(b)}, perms: fields[1], offset: off}
		name := strings.Join(fields[5:], " ")
		if self >= m.lo && self < m.hi {
			exe = name
		}
		all, names = append(all, m), append(names, name)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if exe == "" {
		return nil, fmt.Errorf("footprint: the program's code is in no mapped file")
	}
	var out []mapping
	for i, m := range all {
		if names[i] == exe {
			out = append(out, m)
		}
	}
	return out, nil
}

// writtenSpans are the address ranges of the executable that the program
// or its loader write: writable segments and the RELRO part, page-rounded.
func writtenSpans(maps []mapping) ([]span, error) {
	f, err := elf.Open("/proc/self/exe")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if flags, _ := f.DynValue(elf.DT_FLAGS); len(flags) > 0 && flags[0]&uint64(elf.DF_TEXTREL) != 0 {
		return nil, fmt.Errorf("footprint: the program's code is relocated at load time")
	}
	if tr, _ := f.DynValue(elf.DT_TEXTREL); len(tr) > 0 {
		return nil, fmt.Errorf("footprint: the program's code is relocated at load time")
	}
	// A position-independent program is loaded at an offset: the mapping
	// of file offset 0 is where its lowest segment went.
	var bias uintptr
	if f.Type == elf.ET_DYN {
		low := ^uint64(0)
		for _, p := range f.Progs {
			if p.Type == elf.PT_LOAD && p.Vaddr < low {
				low = p.Vaddr
			}
		}
		for _, m := range maps {
			if m.offset == 0 {
				bias = m.lo - uintptr(low)&^(pageSize-1)
				break
			}
		}
	}
	var out []span
	for _, p := range f.Progs {
		if p.Type == elf.PT_GNU_RELRO || p.Type == elf.PT_LOAD && p.Flags&elf.PF_W != 0 || p.Type == elf.PT_DYNAMIC {
			lo := (uintptr(p.Vaddr) + bias) &^ (pageSize - 1)
			hi := (uintptr(p.Vaddr+p.Memsz) + bias + pageSize - 1) &^ (pageSize - 1)
			out = append(out, span{lo, hi})
		}
	}
	return out, nil
}
