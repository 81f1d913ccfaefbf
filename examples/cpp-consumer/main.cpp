// Loads one application, assesses it under the default rule set and prints the report.
// Usage: socinv_consumer path/to/application.json

#include <exception>
#include <iostream>

#include <socinv/socinv.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " APPLICATION.json\n";
        return 2;
    }
    try {
        const socinv::application app = socinv::load_application(argv[1]);
        const socinv::assessment result = socinv::assess(app, socinv::default_rule_set());
        std::cout << socinv::text_report(result, app);
        // `make test-consumer` passes the SöT example, which is eligible under rule B:
        // anything else means the installed library computes a wrong verdict.
        if (!result.eligible) std::cerr << "error: expected " << app.id << " to be eligible\n";
        return result.eligible ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
