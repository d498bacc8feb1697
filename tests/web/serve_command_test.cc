// `sightline serve` as the real binary: it prints its port, answers, logs,
// and stops gracefully on SIGTERM.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../support/test_support.h"
#include "http_client.h"
#include "serve_process.h"

namespace sightline {
namespace {

using testing::HttpReply;
using testing::ServeProcess;
using testing::TempDir;
using testing::TestClient;

TEST(ServeCommand, AnswersHealthAndStopsOnSigterm) {
  TempDir dir;
  ServeProcess serve({"--db", dir.file("s.db")}, dir.file("err"));
  {
    TestClient client(serve.port());
    const HttpReply r = client.request("GET", "/api/v1/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(nlohmann::json::parse(r.body)["status"], "ok");
  }
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  const std::string err = testing::read_file(dir.file("err"));
  EXPECT_NE(err.find(R"("path":"/api/v1/health")"), std::string::npos) << err;
  EXPECT_NE(err.find("stopped"), std::string::npos) << err;
}

}  // namespace
}  // namespace sightline
