/// The portal's own words (not the catalog's) in English, Portuguese and Spanish.
///
/// Labels that come from the catalog (step titles, field labels, statuses) are the catalog's
/// `LocalizedText`; these are the words around them. Where the desk publishes a wording (Request
/// History, ticket ID, Continue, Send), it is used.
enum PageText: String, CaseIterable {
    case signIn, signOut, signedInAs, requestHistory, howSignIn, codeByEmail, emailAndPassword, google
    case continueButton, email, password, sendCode, code, signInButton, sendNewCode, codeOnItsWay
    case secondStep, authenticatorCode, smsCode, codeSentToPhone
    case required, optional, correctProblems, review, change, discard, startOver, ticketCreated, confirmationSent
    case viewTicket, searchByID, status, allStatuses, search, ticketColumn, titleColumn, statusColumn, updatedColumn
    case noTickets, yourReply, sendReply, replyRecorded, openNewTicket, answers, history, emailsSent
    case surveyTitle, surveyThanks, surveyAlreadyAnswered, surveyExpired, notFound, notFoundText, forbidden
    case tooManyRequests, demoMailbox, demoBanner, answered, language, scenario, weSentCode, codeStillValid
    case moreQuestions, limits, noAnswer, refusedTitle, flows, home, nothingHere, serverError
    case filesKept, subject, yes, no, changeSubject, chooseOne, accepted, send
    case created, byYou, bySupport, byDesk, staleSubmission
    case mergedNotice, mergedInto, mergedHere

    /// The text in `language` (`en`, `pt`, `es`), English for any other.
    func text(_ language: String) -> String {
        let entry = Self.table[self] ?? ("", "", "")
        switch language {
        case "pt": return entry.pt
        case "es": return entry.es
        default: return entry.en
        }
    }

    /// The text in `language` with `%1`, `%2`… replaced by `values` (escape them first for HTML).
    func text(_ language: String, _ values: String...) -> String {
        var result = text(language)
        for (index, value) in values.enumerated() {
            result = result.replacingOccurrences(of: "%\(index + 1)", with: value)
        }
        return result
    }

    private static let table: [PageText: (en: String, pt: String, es: String)] = [
        .signIn: ("Sign in", "Entrar", "Iniciar sesión"),
        .signOut: ("Sign out", "Sair", "Cerrar sesión"),
        .signedInAs: ("Signed in as %1", "Conectado como %1", "Conectado como %1"),
        .requestHistory: ("Request History", "Histórico de solicitações", "Historial de solicitudes"),
        .howSignIn: ("How do you want to sign in?", "Como você quer entrar?", "¿Cómo quieres iniciar sesión?"),
        .codeByEmail: ("Send a code to my e-mail", "Enviar um código para o meu e-mail", "Enviar un código a mi e-mail"),
        .emailAndPassword: ("E-mail and password", "E-mail e senha", "E-mail y contraseña"),
        .google: ("Sign in with Google", "Entrar com o Google", "Iniciar sesión con Google"),
        .continueButton: ("Continue", "Continuar", "Seguir"),
        .email: ("E-mail", "E-mail", "E-mail"),
        .password: ("Password", "Senha", "Contraseña"),
        .sendCode: ("Send code", "Enviar código", "Enviar código"),
        .code: ("Code", "Código", "Código"),
        .signInButton: ("Sign in", "Entrar", "Iniciar sesión"),
        .sendNewCode: ("Send a new code", "Enviar um novo código", "Enviar un código nuevo"),
        .codeOnItsWay: ("If %1 may sign in here, a code is on its way to it.",
                        "Se %1 puder entrar aqui, um código está a caminho.",
                        "Si %1 puede iniciar sesión aquí, un código está en camino."),
        .secondStep: ("Second step", "Segunda etapa", "Segundo paso"),
        .authenticatorCode: ("A code from my authenticator app", "Um código do meu aplicativo autenticador",
                             "Un código de mi aplicación de autenticación"),
        .smsCode: ("Send me a code by SMS", "Enviar um código por SMS", "Enviarme un código por SMS"),
        .codeSentToPhone: ("A code is on its way to your phone ending in %1.",
                           "Um código está a caminho do seu telefone terminado em %1.",
                           "Un código está en camino a tu teléfono terminado en %1."),
        .correctProblems: ("Please correct the %1 problem(s) below.", "Corrija o(s) %1 problema(s) abaixo.",
                           "Corrige el/los %1 problema(s) a continuación."),
        .review: ("Review your request", "Revise sua solicitação", "Revisa tu solicitud"),
        .change: ("Change", "Alterar", "Cambiar"),
        .discard: ("Discard", "Descartar", "Descartar"),
        .startOver: ("Start over", "Recomeçar", "Empezar de nuevo"),
        .ticketCreated: ("Ticket %1 created", "Ticket %1 criado", "Ticket %1 creado"),
        .confirmationSent: ("A confirmation was sent to %1.", "Uma confirmação foi enviada para %1.",
                            "Se envió una confirmación a %1."),
        .viewTicket: ("View ticket %1", "Ver o ticket %1", "Ver el ticket %1"),
        .searchByID: ("Search by ticket ID", "Buscar pelo ID do chamado", "Buscar por ID del ticket"),
        .status: ("Status", "Status", "Estado"),
        .allStatuses: ("All statuses", "Todos os status", "Todos los estados"),
        .search: ("Search", "Buscar", "Buscar"),
        .ticketColumn: ("Ticket", "Chamado", "Ticket"),
        .titleColumn: ("Title", "Título", "Título"),
        .statusColumn: ("Status", "Status", "Estado"),
        .updatedColumn: ("Updated", "Atualizado", "Actualizado"),
        .noTickets: ("No tickets found.", "Nenhum chamado encontrado.", "No se encontraron tickets."),
        .yourReply: ("Your reply", "Sua resposta", "Tu respuesta"),
        .sendReply: ("Send reply", "Enviar resposta", "Enviar respuesta"),
        .replyRecorded: ("Your reply was recorded.", "Sua resposta foi registrada.", "Tu respuesta fue registrada."),
        .openNewTicket: ("Open a new ticket", "Abrir um novo chamado", "Abrir un nuevo ticket"),
        .answers: ("Your answers", "Suas respostas", "Tus respuestas"),
        .history: ("History", "Histórico", "Historial"),
        .emailsSent: ("E-mails sent to you", "E-mails enviados a você", "E-mails enviados a ti"),
        .surveyAlreadyAnswered: ("This survey was already answered.", "Esta pesquisa já foi respondida.",
                                 "Esta encuesta ya fue respondida."),
        .surveyExpired: ("This survey has expired: it could be answered for 27 working hours after the ticket was solved.",
                         "Esta pesquisa expirou: ela podia ser respondida por 27 horas úteis depois que o chamado foi resolvido.",
                         "Esta encuesta expiró: podía responderse durante 27 horas laborables después de resolver el ticket."),
        .notFound: ("Not found", "Não encontrado", "No encontrado"),
        .notFoundText: ("There is nothing here, or it is not yours to see.", "Não há nada aqui, ou não é seu.",
                        "No hay nada aquí, o no es tuyo."),
        .forbidden: ("This form has expired or did not come from this site. Go back, reload the page and try again.",
                     "Este formulário expirou ou não veio deste site. Volte, recarregue a página e tente de novo.",
                     "Este formulario expiró o no vino de este sitio. Vuelve, recarga la página e inténtalo de nuevo."),
        .tooManyRequests: ("Too many attempts. Try again in %1 seconds.", "Tentativas demais. Tente de novo em %1 segundos.",
                           "Demasiados intentos. Inténtalo de nuevo en %1 segundos."),
        .demoMailbox: ("Demo mailbox", "Caixa de correio de demonstração", "Buzón de demostración"),
        .demoBanner: ("Demo: these e-mails are not sent; they are shown here so you can try the desk.",
                      "Demonstração: estes e-mails não são enviados; aparecem aqui para você testar.",
                      "Demostración: estos e-mails no se envían; se muestran aquí para que pruebes."),
        .answered: ("Glad that helped. No ticket was filed.", "Que bom que ajudou. Nenhum chamado foi aberto.",
                    "Qué bueno que ayudó. No se abrió ningún ticket."),
        .language: ("Language", "Idioma", "Idioma"),
        .scenario: ("Scenario", "Cenário", "Escenario"),
        .weSentCode: ("We sent a code to %1.", "Enviamos um código para %1.", "Enviamos un código a %1."),
        .codeStillValid: ("The code sent a moment ago still works; you can ask for a new one in %1 s.",
                          "O código enviado há pouco ainda vale; você pode pedir um novo em %1 s.",
                          "El código enviado hace poco aún sirve; puedes pedir uno nuevo en %1 s."),
        .moreQuestions: ("Your answers brought up more questions; please look at them.",
                         "Suas respostas trouxeram mais perguntas; confira-as.",
                         "Tus respuestas abrieron más preguntas; revísalas."),
        .limits: ("Up to %1 file(s), %2 each", "Até %1 arquivo(s), %2 cada", "Hasta %1 archivo(s), %2 cada uno"),
        .noAnswer: ("—", "—", "—"),
        .refusedTitle: ("You cannot go on", "Você não pode continuar", "No puedes continuar"),
        .flows: ("How can we help?", "Como podemos ajudar?", "¿Cómo podemos ayudarte?"),
        .home: ("Home", "Início", "Inicio"),
        .nothingHere: ("Nothing to show.", "Nada para mostrar.", "Nada que mostrar."),
        .serverError: ("Something went wrong on our side; nothing was lost. Try again in a moment.",
                       "Algo deu errado do nosso lado; nada foi perdido. Tente de novo em instantes.",
                       "Algo salió mal de nuestro lado; no se perdió nada. Inténtalo en un momento."),
        .filesKept: ("Already attached: %1 (choose files to replace them)", "Já anexado: %1 (escolha arquivos para substituir)",
                     "Ya adjunto: %1 (elige archivos para reemplazarlos)"),
        .subject: ("Subject", "Assunto", "Asunto"),
        .changeSubject: ("Change the subject", "Alterar o assunto", "Cambiar el asunto"),
        .chooseOne: ("Choose…", "Escolha…", "Elige…"),
        .staleSubmission: ("This page was out of date: check your answers and send them again.",
                           "Esta página estava desatualizada: confira suas respostas e envie de novo.",
                           "Esta página estaba desactualizada: revisa tus respuestas y envíalas de nuevo."),
        .accepted: ("Accepted types: %1", "Tipos aceitos: %1", "Tipos aceptados: %1"),
        .required: ("(required)", "(obrigatório)", "(obligatorio)"),
        .optional: ("(optional)", "(opcional)", "(opcional)"),
        .surveyTitle: ("Satisfaction survey", "Pesquisa de Satisfação", "Encuesta de satisfacción"),
        .surveyThanks: ("Thank you for your answer.", "Obrigado pela sua resposta.", "Gracias por tu respuesta."),
        .yes: ("Yes", "Sim", "Sí"),
        .no: ("No", "Não", "No"),
        .send: ("Send", "Enviar", "Enviar"),
        .created: ("Created", "Criado", "Creado"),
        .byYou: ("you", "você", "tú"),
        .bySupport: ("support", "suporte", "soporte"),
        .byDesk: ("the desk", "o sistema", "el sistema"),
        .mergedNotice: ("This request was merged into request %1, where it continues.",
                        "Esta solicitação foi unida à solicitação %1, onde o atendimento continua.",
                        "Esta solicitud se unió a la solicitud %1, donde continúa la atención."),
        .mergedInto: ("Merged into request %1", "Unida à solicitação %1", "Unida a la solicitud %1"),
        .mergedHere: ("Request %1 was merged into this one", "A solicitação %1 foi unida a esta",
                      "La solicitud %1 se unió a esta"),
    ]
}
