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
        // The consumer proves that the installed package builds and runs; the verdict is
        // the CLI's business, so any completed assessment counts as success.
        return result.application_id == app.id ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
