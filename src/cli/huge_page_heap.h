// A replay of a large feed keeps gigabytes of small allocations (each
// person's lists of carers, involvements, sightings and duties) spread over
// glibc's heap, and reaches them in no order: with 4 KiB pages most of those
// reaches miss the TLB, and on a million children that costs about a tenth of
// the replay's time. glibc backs its heap with transparent huge pages only
// when the tunable glibc.malloc.hugetlb=1 is in GLIBC_TUNABLES when the
// process starts (glibc 2.35 and later; Debian 12 has 2.36), which a running
// process cannot set for itself. So `sightline replay` starts itself again,
// once, with the tunable added, before it allocates anything large.
//
// Nothing is done when GLIBC_TUNABLES already names glibc.malloc.hugetlb (set
// glibc.malloc.hugetlb=0 to keep the ordinary heap, e.g. under valgrind),
// when the kernel's transparent huge pages are "never" or unknown, or when
// the program cannot be found again; a failed exec leaves the process to run
// as it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sightline::cli {

// The GLIBC_TUNABLES a run of `command` should restart with, given the
// current value (nullptr: unset) and the first line of the kernel's
// /sys/kernel/mm/transparent_hugepage/enabled; nullopt: no restart.
std::optional<std::string> huge_page_tunables(std::string_view command, const char* current,
                                              std::string_view thp_mode);

// Replaces the process with itself under the tunable when `argv` runs a
// command that benefits; returns only when it did not.
void restart_with_huge_page_heap(int argc, char** argv);

}  // namespace sightline::cli
