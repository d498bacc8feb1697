// Reading a file line by line through one reused buffer, for a single pass
// over a feed that may be larger than memory. Unlike a memory map, reading
// costs no page fault per 4 KB page, and the memory it uses stays the size of
// its buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sightline::safeguards {

// Calls f(line, line_number, offset) for every line of the file, in order:
// lines end at '\n' (not part of the line), a last line without one counts,
// and numbers start at 1; offset is the line's first byte in the file. The
// line's text is valid only during the call. Throws std::runtime_error when
// the file cannot be read.
void for_each_file_line(const std::string& path,
                        const std::function<void(std::string_view, std::int64_t, std::size_t)>& f);

}  // namespace sightline::safeguards
