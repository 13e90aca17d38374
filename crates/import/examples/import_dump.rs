//! Imports a text file and prints the tables and warnings (development aid).
//! With a second argument `json`, prints the disclosure's JSON instead.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let json = std::env::args().nth(2).is_some_and(|a| a == "json");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    match yusuan_import::import_text(&text) {
        Ok(imp) => {
            if json {
                println!("{}", imp.disclosure.to_json());
                return;
            }
            println!("{}", yusuan_tables::render::text_all(&imp.disclosure));
            for w in &imp.warnings {
                println!("{w}");
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
