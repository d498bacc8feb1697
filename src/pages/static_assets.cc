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
  r.content_type = it->second.content_type;
  if (request.method == "GET") r.body = it->second.body;
  const auto version = request.query_param("v");
  r.headers.emplace_back("Cache-Control", version && *version == it->second.version
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
