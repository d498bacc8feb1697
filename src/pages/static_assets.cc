#include "pages/static_assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "web/secrets.h"

#ifndef SIGHTLINE_BUILD_ASSETS_DIR
#define SIGHTLINE_BUILD_ASSETS_DIR ""
#endif

namespace sightline::pages {
namespace {

namespace fs = std::filesystem;

std::string content_type_of(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// True when Accept-Encoding lists gzip with a weight other than 0.
bool accepts_gzip(const web::Request& request) {
  const auto header = request.header("accept-encoding");
  if (!header) return false;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding != "gzip") continue;
    if (semi == std::string_view::npos) return true;
    std::string_view q = item.substr(semi + 1);
    while (!q.empty() && q.front() == ' ') q.remove_prefix(1);
    return !(q.starts_with("q=0") && q.find_first_not_of("0.", 3) == std::string_view::npos);
  }
  return false;
}

bool is_dir(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_directory(dir, ec);
}

}  // namespace

StaticAssets::StaticAssets(const std::string& dir) : dir_(dir) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  if (ec) throw std::runtime_error("cannot read the assets directory " + dir + ": " + ec.message());
  for (const fs::directory_entry& entry : it) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + entry.path().string());
    File file;
    file.content_type = content_type_of(entry.path());
    file.body = bytes.str();
    file.version = web::to_hex(web::sha256(file.body)).substr(0, 16);
    files_.emplace(fs::relative(entry.path(), dir).generic_string(), std::move(file));
  }
  // Each NAME.gz becomes NAME's compressed body, when NAME is there too.
  for (auto f = files_.begin(); f != files_.end();) {
    const std::string& name = f->first;
    if (name.size() > 3 && name.ends_with(".gz")) {
      const auto plain = files_.find(std::string_view(name).substr(0, name.size() - 3));
      if (plain != files_.end()) {
        plain->second.gzipped = std::move(f->second.body);
        f = files_.erase(f);
        continue;
      }
    }
    ++f;
  }
}

web::Response StaticAssets::serve(const web::Request& request) const {
  web::Response r;
  r.content_type = "text/plain; charset=utf-8";
  if (request.method != "GET" && request.method != "HEAD") {
    r.status = 405;
    r.body = "Method not allowed\n";
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  constexpr std::string_view kPrefix = "/assets/";
  const std::string_view path = request.path;
  const auto it =
      path.starts_with(kPrefix) ? files_.find(path.substr(kPrefix.size())) : files_.end();
  if (it == files_.end()) {
    r.status = 404;
    r.body = "Not found\n";
    return r;
  }
  const File& file = it->second;
  r.content_type = file.content_type;
  const bool gzip = !file.gzipped.empty() && accepts_gzip(request);
  if (request.method == "GET") r.body = gzip ? file.gzipped : file.body;
  if (!file.gzipped.empty()) r.headers.emplace_back("Vary", "Accept-Encoding");
  if (gzip) r.headers.emplace_back("Content-Encoding", "gzip");
  const auto version = request.query_param("v");
  r.headers.emplace_back("Cache-Control", version && *version == file.version
                                              ? "public, max-age=31536000, immutable"
                                              : "public, max-age=3600");
  return r;
}

std::string StaticAssets::url(std::string_view name) const {
  std::string out = "/assets/" + std::string(name);
  const auto it = files_.find(name);
  if (it != files_.end()) out += "?v=" + it->second.version;
  return out;
}

std::optional<std::string> find_assets_dir(const std::optional<std::string>& given,
                                           const std::string& executable) {
  if (given) return *given;
  std::error_code ec;
  const fs::path exe = fs::weakly_canonical(executable, ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "sightline" / "assets";
    if (is_dir(installed.string())) return installed.string();
  }
  if (is_dir(SIGHTLINE_BUILD_ASSETS_DIR)) return std::string(SIGHTLINE_BUILD_ASSETS_DIR);
  return std::nullopt;
}

}  // namespace sightline::pages
