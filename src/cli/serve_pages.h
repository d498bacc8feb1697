// What `serve` adds to the JSON API for browsers: the pages and their
// assets, behind one handler (pages::Site). Kept apart from serve_command.cc
// so that the command only mounts it.
#pragma once

#include <optional>
#include <string>

#include "cli/command.h"
#include "pages/pages.h"
#include "pages/site.h"
#include "pages/static_assets.h"

namespace sightline::cli {

class ServedPages {
 public:
  // Finds and loads the assets (--assets DIR, or the default places; see
  // pages/static_assets.h) and says on standard error where they came from,
  // or that pages will be unstyled when there are none. Throws when a
  // directory given with --assets cannot be read.
  ServedPages(const web::Service& api, web::Accounts& accounts, web::SharedStore& store,
              const Clock& clock, const std::optional<std::string>& assets_dir,
              IndicatorWindowsOfArea indicator_windows, CommandContext& ctx);

  web::Response handle(const web::Request& request) const { return site_.handle(request); }

  // After "Listening on ...": where to open the pages, and, for --demo, how
  // to sign in.
  void print_how_to_open(const std::string& address, unsigned short port, bool demo) const;

 private:
  CommandContext& ctx_;
  pages::StaticAssets assets_;
  pages::Pages pages_;
  pages::Site site_;
};

}  // namespace sightline::cli
