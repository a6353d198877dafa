//! The texts Stratégie cites, each with one sentence in plain French, shown on request under
//! the analysis: « CPC 1406 » means nothing to most creditors. `tests/strategy_cited.rs` checks
//! that every reference in Stratégie's French sentences has its line here (in one of the three
//! lists: a public buyer's references and a judgment's apart).

/// `(reference as cited, what it says)`, in the order a reader meets them along a recovery.
pub const CITED: &[(&str, &str)] = &[
    ("C. com. D441-5", "Code de commerce : indemnité forfaitaire de 40 € pour frais de recouvrement, due par facture payée en retard."),
    ("C. civ. 2238, 2240, 2241, 2244", "Code civil, prescription : une médiation ou une conciliation la suspend (2238) ; la reconnaissance de la dette, un paiement partiel compris (2240), une demande en justice (2241) ou une mesure d'exécution forcée (2244) l'interrompt. Une lettre, même recommandée, ne l'interrompt pas."),
    ("CPC 750-1", "Code de procédure civile : devant le tribunal judiciaire, pour 5 000 € au plus, une tentative de conciliation, de médiation ou de procédure participative doit précéder la saisine du juge, sauf exceptions."),
    ("CPCE L125-1, R125-1", "Code des procédures civiles d'exécution : procédure simplifiée de recouvrement des petites créances (5 000 € au plus), menée par un commissaire de justice avec l'accord du débiteur ; les frais restent au créancier."),
    ("CPCE L126-1 à L126-4", "Code des procédures civiles d'exécution (loi du 23 avril 2026) : recouvrement des créances commerciales incontestées entre commerçants ; le débiteur a un mois pour payer ou contester, puis le greffier du tribunal de commerce rend le titre exécutoire."),
    ("loi n° 2026-307", "Loi du 23 avril 2026 : elle crée le recouvrement des créances commerciales incontestées entre commerçants (CPCE L126-1 à L126-4)."),
    ("CPC 1405 s., 1406", "Code de procédure civile : l'injonction de payer, pour une créance contractuelle d'un montant déterminé, demandée par requête au juge du lieu où demeure le débiteur."),
    ("CPC 1411", "Code de procédure civile : l'ordonnance d'injonction de payer doit être signifiée au débiteur dans un délai limité, faute de quoi elle est non avenue."),
    ("CPC 1416", "Code de procédure civile : le débiteur peut former opposition dans le mois qui suit la signification de l'ordonnance."),
    ("CPC 853 ; 760-761", "Code de procédure civile : avocat obligatoire au-delà de 10 000 € devant le tribunal de commerce (853) et le tribunal judiciaire (760-761)."),
    ("CPC 695-696", "Code de procédure civile : les dépens (frais de procédure tarifés), en principe à la charge de la partie qui perd."),
    ("CPCE L111-8", "Code des procédures civiles d'exécution : les frais de l'exécution forcée sont à la charge du débiteur ; ceux d'un recouvrement entrepris sans titre exécutoire restent, sauf exceptions, à celle du créancier."),
    ("C. com. A444-32", "Code de commerce, tarif des commissaires de justice : un droit proportionnel sur les sommes recouvrées, à la charge du créancier, même quand le débiteur paie à l'amiable."),
    ("C. com. L622-21", "Code de commerce : l'ouverture d'une procédure collective (sauvegarde, redressement, liquidation) arrête les poursuites individuelles ; la créance se déclare au mandataire."),
];

/// The same for a public buyer (issue 12): the administrative judge, the prefect, the
/// prescription quadriennale.
pub const CITED_PUBLIC: &[(&str, &str)] = &[
    ("C. commande publique D2192-35", "Code de la commande publique : indemnité forfaitaire de 40 € pour frais de recouvrement, due par l'acheteur public qui paie en retard."),
    ("loi n° 68-1250, art. 1, 2 et 7", "Loi du 31 décembre 1968 : la dette d'une personne publique se prescrit par quatre ans à partir du 1er janvier suivant l'année de sa naissance ; une réclamation écrite, un recours ou un paiement l'interrompt ; l'administration doit l'invoquer avant le jugement."),
    ("CRPA L231-4", "Code des relations entre le public et l'administration : le silence gardé deux mois sur une demande à caractère financier vaut rejet."),
    ("CJA R421-1", "Code de justice administrative : une demande d'argent n'est recevable qu'après la décision de l'administration sur une demande préalable, même implicite."),
    ("CJA R541-1", "Code de justice administrative : le juge des référés peut accorder une provision quand l'obligation n'est pas sérieusement contestable, même sans demande au fond."),
    ("CJA R431-2, R431-3", "Code de justice administrative : avocat obligatoire pour une demande d'argent (R431-2), sauf notamment contre une collectivité territoriale, un de ses établissements ou un hôpital public (R431-3)."),
    ("CJA L761-1", "Code de justice administrative : le juge peut mettre à la charge de la partie perdante les frais non compris dans les dépens, tels les honoraires d'avocat."),
    ("CGCT L1612-15, L1612-16", "Code général des collectivités territoriales : une dette certaine et non contestée est une dépense obligatoire ; non inscrite au budget, la chambre régionale des comptes, saisie par le créancier, la fait inscrire ; non mandatée, le préfet met l'exécutif en demeure puis la mandate d'office."),
    ("loi n° 80-539, art. 1", "Loi du 16 juillet 1980 : une somme fixée par une décision de justice définitive est payée dans les deux mois ; sinon, à la demande du créancier, le comptable public paie ou le préfet mandate d'office."),
];

/// The same after a judgment (issue 13): its enforcement.
pub const CITED_JUDGMENT: &[(&str, &str)] = &[
    ("CPCE L111-2", "Code des procédures civiles d'exécution : le créancier muni d'un titre exécutoire constatant une créance liquide et exigible peut en poursuivre l'exécution forcée sur les biens du débiteur."),
    ("CPC 503", "Code de procédure civile : un jugement ne peut être exécuté contre celui à qui on l'oppose qu'après lui avoir été notifié, d'ordinaire par signification d'un commissaire de justice."),
    ("C. mon. fin. L313-3", "Code monétaire et financier : deux mois après que la décision de justice est devenue exécutoire, le taux de l'intérêt légal qu'elle fait courir est majoré de cinq points."),
    ("CPCE L111-4", "Code des procédures civiles d'exécution : une décision de justice peut être exécutée pendant dix ans, comptés du jour où elle est exécutoire, sauf délai plus long."),
    ("CPCE L111-10", "Code des procédures civiles d'exécution : une décision exécutoire à titre provisoire peut être exécutée, mais aux risques du créancier, qui restitue si elle est ensuite modifiée."),
    ("CPC 478", "Code de procédure civile : un jugement rendu par défaut ou réputé contradictoire est non avenu s'il n'a pas été notifié dans les six mois de sa date."),
    ("CPCE R211-3, R211-11", "Code des procédures civiles d'exécution : la saisie-attribution est dénoncée au débiteur dans les huit jours ; il a un mois pour la contester, après quoi le tiers saisi paie."),
    ("CPCE R221-1, R221-10, R221-30", "Code des procédures civiles d'exécution : la saisie-vente commence par un commandement de payer ; la saisie vient au plus tôt huit jours après ; le débiteur a un mois pour vendre lui-même avant la vente aux enchères."),
];
