//! Imports a text file and prints the tables and warnings (development aid).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    match yusuan_import::import_text(&text) {
        Ok(imp) => {
            println!("{}", yusuan_tables::render::text_all(&imp.disclosure));
            for w in &imp.warnings {
                println!("{w}");
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
