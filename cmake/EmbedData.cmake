# embed_text_file(TARGET VAR FILE): compiles FILE into TARGET as
#   extern const std::string_view VAR;  (namespace sightline::embedded)
# so that reference data stays a data file in data/ yet the binary needs no
# path to find it at run time.
function(embed_text_file target var file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${var}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DVAR=${var}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
