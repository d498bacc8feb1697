// The files served under /assets/: the compiled stylesheet, GOV.UK
// Frontend's script, Sightline's own small script and icon.
//
// They are read once, when serve starts, from one directory into memory; a
// request names a file by its path below that directory and is never turned
// into a file-system path, so nothing outside the set can be reached. Each
// file has a version (a digest of its bytes): url() gives
// "/assets/NAME?v=VERSION", and a request carrying the current version is
// cached by browsers for a year as immutable, any other for an hour, so a new
// build is picked up at once by pages that link to it.
//
// Where the directory is (find_assets_dir): `serve --assets DIR` when given;
// otherwise PREFIX/share/sightline/assets for a binary installed as
// PREFIX/bin/sightline; otherwise the build tree's web/assets, which the build
// fills (its path is compiled in, so a binary run from its build tree needs
// no option). Immutable once built; thread-safe.
//
// A file NAME.gz beside NAME (the build writes one for the stylesheet and
// GOV.UK Frontend's script) is not served on its own: it is NAME compressed,
// sent with `Content-Encoding: gzip` to a client whose Accept-Encoding takes
// gzip (every browser), and NAME to any other (`Vary: Accept-Encoding`).
// Only these static files are compressed: a page carries its CSRF token and
// echoes what was typed, and compressing such answers over TLS would let an
// attacker guess the token from their lengths (BREACH).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "web/http.h"

namespace sightline::pages {

class StaticAssets {
 public:
  // No assets: pages are sent unstyled, and /assets/ answers 404.
  StaticAssets() = default;
  // Loads every regular file below `dir` (sub-directories included). Throws
  // std::runtime_error when `dir` cannot be read.
  explicit StaticAssets(const std::string& dir);

  bool empty() const { return files_.empty(); }
  std::size_t size() const { return files_.size(); }
  const std::string& dir() const { return dir_; }

  // The answer to a GET or HEAD of `/assets/...`; 404 for a file not in the
  // set, 405 for another method.
  web::Response serve(const web::Request& request) const;
  // "/assets/NAME?v=VERSION", or "/assets/NAME" for a file not in the set.
  std::string url(std::string_view name) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string version;
    std::string gzipped;  // the body compressed (NAME.gz), or empty
  };
  std::string dir_;
  std::map<std::string, File, std::less<>> files_;  // by path below dir_: "sightline.css"
};

// The assets directory to use, as described above; nullopt when there is
// none. `given` is the --assets option; `executable` the running binary's path.
std::optional<std::string> find_assets_dir(const std::optional<std::string>& given,
                                           const std::string& executable);

}  // namespace sightline::pages
