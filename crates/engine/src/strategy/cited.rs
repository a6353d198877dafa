//! The texts Stratégie cites, each with one sentence in plain French, shown on request under
//! the analysis: « CPC 1406 » means nothing to most creditors. `tests/strategy_cited.rs` checks
//! that every reference in Stratégie's French sentences has its line here.

/// `(reference as cited, what it says)`, in the order a reader meets them along a recovery.
pub const CITED: &[(&str, &str)] = &[
    ("C. com. D441-5", "Code de commerce : indemnité forfaitaire de 40 € pour frais de recouvrement, due par facture payée en retard."),
    ("C. civ. 2238, 2240, 2241, 2244", "Code civil, prescription : une médiation ou une conciliation la suspend (2238) ; la reconnaissance de la dette, un paiement partiel compris (2240), une demande en justice (2241) ou une mesure d'exécution forcée (2244) l'interrompt. Une lettre, même recommandée, ne l'interrompt pas."),
    ("CPC 750-1", "Code de procédure civile : devant le tribunal judiciaire, pour 5 000 € au plus, une tentative de conciliation, de médiation ou de procédure participative doit précéder la saisine du juge, sauf exceptions."),
    ("CPCE L125-1, R125-1", "Code des procédures civiles d'exécution : procédure simplifiée de recouvrement des petites créances (5 000 € au plus), menée par un commissaire de justice avec l'accord du débiteur ; les frais restent au créancier."),
    ("CPCE L126-1 à L126-4", "Code des procédures civiles d'exécution (loi du 23 avril 2026) : recouvrement des créances commerciales incontestées entre commerçants ; le débiteur a un mois pour payer ou contester, puis le greffier du tribunal de commerce rend le titre exécutoire."),
    ("CPC 1405 s., 1406", "Code de procédure civile : l'injonction de payer, pour une créance contractuelle d'un montant déterminé, demandée par requête au juge du lieu où demeure le débiteur."),
    ("CPC 1411", "Code de procédure civile : l'ordonnance d'injonction de payer doit être signifiée au débiteur dans un délai limité, faute de quoi elle est non avenue."),
    ("CPC 1416", "Code de procédure civile : le débiteur peut former opposition dans le mois qui suit la signification de l'ordonnance."),
    ("CPC 853 ; 760-761", "Code de procédure civile : avocat obligatoire au-delà de 10 000 € devant le tribunal de commerce (853) et le tribunal judiciaire (760-761)."),
    ("CPC 695-696", "Code de procédure civile : les dépens (frais de procédure tarifés), en principe à la charge de la partie qui perd."),
    ("CPCE L111-8", "Code des procédures civiles d'exécution : les frais de l'exécution forcée sont à la charge du débiteur ; ceux d'un recouvrement entrepris sans titre exécutoire restent, sauf exceptions, à celle du créancier."),
    ("C. com. A444-32", "Code de commerce, tarif des commissaires de justice : un droit proportionnel sur les sommes recouvrées, à la charge du créancier, même quand le débiteur paie à l'amiable."),
    ("C. com. L622-21", "Code de commerce : l'ouverture d'une procédure collective (sauvegarde, redressement, liquidation) arrête les poursuites individuelles ; la créance se déclare au mandataire."),
];
