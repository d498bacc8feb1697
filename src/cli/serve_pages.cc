#include "cli/serve_pages.h"

#include <filesystem>

namespace sightline::cli {
namespace {

pages::StaticAssets load_assets(const std::optional<std::string>& given, CommandContext& ctx) {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto dir = pages::find_assets_dir(given, ec ? std::string() : exe.string());
  if (!dir) {
    ctx.err << "sightline serve: no assets found (build web/, or give --assets DIR): pages will "
               "be unstyled\n";
    return {};
  }
  pages::StaticAssets assets(*dir);
  if (assets.empty()) {
    ctx.err << "sightline serve: " << *dir << " holds no assets: pages will be unstyled\n";
  }
  return assets;
}

}  // namespace

ServedPages::ServedPages(const web::Service& api, web::Accounts& accounts, web::SharedStore& store,
                         const Clock& clock, const std::optional<std::string>& assets_dir,
                         IndicatorWindowsOfArea indicator_windows, CommandContext& ctx)
    : ctx_(ctx),
      assets_(load_assets(assets_dir, ctx)),
      pages_({api, accounts, store, clock, assets_, nullptr, std::move(indicator_windows)}),
      site_(api, pages_, assets_) {}

void ServedPages::print_how_to_open(const std::string& address, unsigned short port,
                                    bool demo) const {
  const std::string host = address == "127.0.0.1" ? "localhost" : address;
  ctx_.out << "Open http://" << host << ":" << port << "/ in a browser on this machine";
  if (demo) ctx_.out << " and sign in as demo.hv with the password printed above";
  ctx_.out << ".\n" << std::flush;
}

}  // namespace sightline::cli
