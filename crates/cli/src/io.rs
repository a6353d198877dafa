//! What the command line says of a file it cannot read or write.

/// A French reason for the usual I/O failures; the system's own words otherwise.
pub fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".to_owned(),
        std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
        std::io::ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".to_owned(),
        _ => e.to_string(),
    }
}
