file(READ "${IN}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE "${OUT}"
  "// Generated from ${IN}; do not edit.\n#include <string_view>\n"
  "namespace sightline::embedded {\n"
  "static const char ${VAR}_bytes[] = {${bytes} 0};\n"
  "extern const std::string_view ${VAR}(${VAR}_bytes, sizeof(${VAR}_bytes) - 1);\n"
  "}  // namespace sightline::embedded\n")
