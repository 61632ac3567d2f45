import FormrunnerCore

/// The terminal's own words to requesters (not the catalog's) in English, Portuguese and Spanish:
/// the prompts' hints, the review, sign-in and the refusals a requester sees. Operators' and
/// administrators' messages (usage, validate, `formrunner:` errors) stay English.
///
/// Where the desk publishes a wording (Código OTP, Histórico de solicitações), it is used.
public enum RequesterText: String, CaseIterable, Sendable, Phrasebook {
    // Prompts.
    case required, chooseOne, chooseAtLeastOne, answerYesOrNo, skipHint, clearHint, toClear, lineMultilineHint
    case terminalMultilineHint, choiceKeys, multiChoiceKeys, lineChoiceHint, lineMultiChoiceHint, cancelled, endOfInput
    case defaultNote, noMatch, yes, no, noAnswer, keepsFiles, moreLines
    // Field formats.
    case dateFormat, emailFormat, aNumber, numberRange, numberAtLeast, numberAtMost, chooseRange, chooseAtLeast
    case chooseAtMost, filesFormat, fileTypes, lengthRange, lengthAtLeast, lengthAtMost
    case dateTimeFormat, urlFormat, phoneFormat, onOrAfter, onOrBefore
    // Review.
    case review, requiredNoAnswer, changeAnswer, cancelWithoutSending, whatNext, whichAnswer
    // Repeatable groups.
    case item, itemHeading, addAnother, addFirst, itemCount, keepItems, addItem, removeItem, changeItem, whichItem
    // Flow.
    case signedInAs, granted, language, scenario, answered, code, typeResend, typeTheCode, sentCodeTo
    case sentCodeToPhone, codeStillValid, subject, discard, noDraft, draftUnreadable, continueDraft, continuingDraft, savedOn
    // Sign-in.
    case howSignIn, codeByEmail, signInWithGoogle, emailAndPassword, codeSentTo, codeOnItsWay, password, typePassword
    case authenticatorOption, smsOption, secondStep, codeFromApp, codeBySMS, codeOnItsWayToPhone, googleToken
    case pasteGoogleToken, pasteToken, email
    // Outcomes.
    case ticketCreated, gladItHelped
    // One-time codes refused.
    case codeWrongOne, codeWrongMany, codeExpired, codeLocked, codeNone, codeMalformed, codeTooSoon, typeResendShort

    public static let table: [RequesterText: (en: String, pt: String, es: String)] = [
        .required: ("an answer is required", "uma resposta é obrigatória", "se requiere una respuesta"),
        .chooseOne: ("choose one of the options", "escolha uma das opções", "elige una de las opciones"),
        .chooseAtLeastOne: ("choose at least one option", "escolha pelo menos uma opção", "elige al menos una opción"),
        .answerYesOrNo: ("answer yes or no", "responda sim ou não", "responde sí o no"),
        .skipHint: ("optional: press Enter to skip", "opcional: pressione Enter para pular", "opcional: presiona Enter para omitir"),
        .clearHint: ("Enter keeps the default; type - to clear it", "Enter mantém o valor atual; digite - para apagá-lo",
                     "Enter mantiene el valor actual; escribe - para borrarlo"),
        .toClear: ("- to clear", "- para apagar", "- para borrar"),
        .lineMultilineHint: ("finish with a line holding a single '.'", "termine com uma linha contendo apenas '.'",
                             "termina con una línea que contenga solo '.'"),
        .terminalMultilineHint: ("Enter adds a line · finish with Ctrl-D or a line holding a single '.'",
                                 "Enter adiciona uma linha · termine com Ctrl-D ou uma linha contendo apenas '.'",
                                 "Enter agrega una línea · termina con Ctrl-D o una línea que contenga solo '.'"),
        .choiceKeys: ("↑/↓ move · type to filter · Enter choose", "↑/↓ mover · digite para filtrar · Enter escolher",
                      "↑/↓ mover · escribe para filtrar · Enter elegir"),
        .multiChoiceKeys: ("↑/↓ move · Space toggle · type to filter · Enter confirm",
                           "↑/↓ mover · Espaço marcar · digite para filtrar · Enter confirmar",
                           "↑/↓ mover · Espacio marcar · escribe para filtrar · Enter confirmar"),
        .lineChoiceHint: ("type a number, an id or a label", "digite um número, um id ou um nome", "escribe un número, un id o un nombre"),
        .lineMultiChoiceHint: ("type numbers, ids or labels separated by commas; - for none",
                               "digite números, ids ou nomes separados por vírgulas; - para nenhum",
                               "escribe números, ids o nombres separados por comas; - para ninguno"),
        .cancelled: ("cancelled", "cancelado", "cancelado"),
        .endOfInput: ("end of input", "fim da entrada", "fin de la entrada"),
        .defaultNote: ("default: %1", "atual: %1", "actual: %1"),
        .noMatch: ("no option matches '%1'", "nenhuma opção corresponde a '%1'", "ninguna opción coincide con '%1'"),
        .yes: ("yes", "sim", "sí"),
        .no: ("no", "não", "no"),
        .noAnswer: ("(no answer)", "(sem resposta)", "(sin respuesta)"),
        .keepsFiles: ("Enter keeps the attached files: %1", "Enter mantém os arquivos anexados: %1",
                      "Enter mantiene los archivos adjuntos: %1"),
        .dateFormat: ("a date: YYYY-MM-DD", "uma data: AAAA-MM-DD", "una fecha: AAAA-MM-DD"),
        .dateTimeFormat: ("a date and time: YYYY-MM-DD HH:MM, %1 time", "uma data e hora: AAAA-MM-DD HH:MM, hora de %1",
                          "una fecha y hora: AAAA-MM-DD HH:MM, hora de %1"),
        .urlFormat: ("a web address: https://example.com", "um endereço web: https://exemplo.com",
                     "una dirección web: https://ejemplo.com"),
        .phoneFormat: ("a phone number with its country code: +5511999990000",
                       "um telefone com o código do país: +5511999990000",
                       "un teléfono con el código del país: +5511999990000"),
        .onOrAfter: ("on or after %1", "a partir de %1", "a partir del %1"),
        .onOrBefore: ("on or before %1", "até %1", "hasta el %1"),
        .emailFormat: ("an e-mail address: name@example.com", "um endereço de email: nome@exemplo.com",
                       "una dirección de email: nombre@ejemplo.com"),
        .aNumber: ("a number", "um número", "un número"),
        .numberRange: ("%1 from %2 to %3", "%1 de %2 a %3", "%1 de %2 a %3"),
        .numberAtLeast: ("%1: at least %2", "%1: no mínimo %2", "%1: como mínimo %2"),
        .numberAtMost: ("%1: at most %2", "%1: no máximo %2", "%1: como máximo %2"),
        .chooseRange: ("choose %1 to %2 options", "escolha de %1 a %2 opções", "elige de %1 a %2 opciones"),
        .chooseAtLeast: ("choose at least %1", "escolha pelo menos %1", "elige al menos %1"),
        .chooseAtMost: ("choose at most %1", "escolha no máximo %1", "elige como máximo %1"),
        .filesFormat: ("file paths separated by commas; up to %1 file(s) of at most %2 each",
                       "caminhos de arquivos separados por vírgulas; até %1 arquivo(s) de no máximo %2 cada",
                       "rutas de archivos separadas por comas; hasta %1 archivo(s) de como máximo %2 cada uno"),
        .fileTypes: ("types: %1", "tipos: %1", "tipos: %1"),
        .lengthRange: ("%1 to %2 characters", "de %1 a %2 caracteres", "de %1 a %2 caracteres"),
        .lengthAtLeast: ("at least %1 characters", "no mínimo %1 caracteres", "como mínimo %1 caracteres"),
        .lengthAtMost: ("at most %1 characters", "no máximo %1 caracteres", "como máximo %1 caracteres"),
        .review: ("Review: %1", "Revisão: %1", "Revisión: %1"),
        .requiredNoAnswer: ("(required, no answer yet)", "(obrigatório, ainda sem resposta)", "(obligatorio, aún sin respuesta)"),
        .changeAnswer: ("Change an answer", "Alterar uma resposta", "Cambiar una respuesta"),
        .cancelWithoutSending: ("Cancel without sending", "Cancelar sem enviar", "Cancelar sin enviar"),
        .whatNext: ("What next?", "O que deseja fazer?", "¿Qué quieres hacer?"),
        .whichAnswer: ("Which answer?", "Qual resposta?", "¿Qué respuesta?"),
        .item: ("item", "item", "elemento"),
        .itemHeading: ("%1 %2 of %3", "%1 %2 de %3", "%1 %2 de %3"),
        .addAnother: ("Add another %1?", "Adicionar mais um: %1?", "¿Añadir otro: %1?"),
        .addFirst: ("Any %1 to add?", "Algum %1 a adicionar?", "¿Algún %1 para añadir?"),
        .itemCount: ("%1 to %2 items", "de %1 a %2 itens", "de %1 a %2 elementos"),
        .keepItems: ("Keep these items", "Manter estes itens", "Mantener estos elementos"),
        .addItem: ("Add an item", "Adicionar um item", "Añadir un elemento"),
        .removeItem: ("Remove an item", "Remover um item", "Quitar un elemento"),
        .changeItem: ("Change an item", "Alterar um item", "Cambiar un elemento"),
        .whichItem: ("Which item?", "Qual item?", "¿Qué elemento?"),
        .signedInAs: ("Signed in as %1.", "Login realizado como %1.", "Sesión iniciada como %1."),
        .granted: ("%1: granted", "%1: concedida", "%1: concedido"),
        .language: ("Language", "Idioma", "Idioma"),
        .scenario: ("Scenario", "Cenário", "Escenario"),
        .answered: ("My question is answered; I don't need a ticket", "Minha dúvida foi resolvida; não preciso de um chamado",
                    "Mi duda está resuelta; no necesito un ticket"),
        .code: ("Code", "Código", "Código"),
        .typeResend: ("Type %1 to get a new code.", "Digite %1 para receber um novo código.", "Escribe %1 para recibir un nuevo código."),
        .typeTheCode: ("type the code", "digite o código", "escribe el código"),
        .sentCodeTo: ("We sent a code to %1.", "Enviamos um código para %1.", "Enviamos un código a %1."),
        .sentCodeToPhone: ("We sent a code to your phone ending in %1.", "Enviamos um código para o seu telefone terminado em %1.",
                           "Enviamos un código a tu teléfono terminado en %1."),
        .codeStillValid: ("The code sent a moment ago still works; type %1 for a new one in %2 s.",
                          "O código enviado há pouco ainda vale; digite %1 para receber um novo em %2 s.",
                          "El código enviado hace un momento sigue siendo válido; escribe %1 para recibir uno nuevo en %2 s."),
        .subject: ("Subject: %1", "Assunto: %1", "Asunto: %1"),
        .discard: ("Discard your answers? Nothing will be sent.", "Descartar suas respostas? Nada será enviado.",
                   "¿Descartar tus respuestas? No se enviará nada."),
        .noDraft: ("There is no draft of this flow to resume; starting afresh.",
                   "Não há rascunho deste atendimento para continuar; começando do início.",
                   "No hay un borrador de esta solicitud para continuar; se empieza de nuevo."),
        .draftUnreadable: ("The saved draft cannot be read any more; starting afresh.",
                           "O rascunho salvo não pode mais ser lido; começando do início.",
                           "El borrador guardado ya no se puede leer; se empieza de nuevo."),
        .continueDraft: ("Continue the draft%1?", "Continuar o rascunho%1?", "¿Continuar el borrador%1?"),
        .continuingDraft: ("Continuing the draft%1.", "Continuando o rascunho%1.", "Continuando el borrador%1."),
        .savedOn: (" saved %1", " salvo em %1", " guardado el %1"),
        .howSignIn: ("How do you want to sign in?", "Como você quer entrar?", "¿Cómo quieres iniciar sesión?"),
        .codeByEmail: ("Send a code to my e-mail", "Enviar um código para o meu email", "Enviar un código a mi email"),
        .signInWithGoogle: ("Sign in with Google", "Entrar com o Google", "Iniciar sesión con Google"),
        .emailAndPassword: ("E-mail and password", "Email e senha", "Email y contraseña"),
        .codeSentTo: ("Code sent to %1", "Código enviado para %1", "Código enviado a %1"),
        .codeOnItsWay: ("If %1 may sign in here, a code is on its way to it.", "Se %1 puder entrar aqui, um código está a caminho.",
                        "Si %1 puede iniciar sesión aquí, un código está en camino."),
        .password: ("Password", "Senha", "Contraseña"),
        .typePassword: ("type your password", "digite sua senha", "escribe tu contraseña"),
        .authenticatorOption: ("A code from my authenticator app", "Um código do meu app autenticador",
                               "Un código de mi app de autenticación"),
        .smsOption: ("Send me a code by SMS", "Enviar um código por SMS", "Enviarme un código por SMS"),
        .secondStep: ("Second step", "Segunda etapa", "Segundo paso"),
        .codeFromApp: ("Code from your authenticator app", "Código do seu app autenticador", "Código de tu app de autenticación"),
        .codeBySMS: ("Code sent by SMS", "Código enviado por SMS", "Código enviado por SMS"),
        .codeOnItsWayToPhone: ("A code is on its way to your phone ending in %1.", "Um código está a caminho do seu telefone terminado em %1.",
                               "Un código está en camino a tu teléfono terminado en %1."),
        .googleToken: ("Google ID token", "Token de ID do Google", "Token de ID de Google"),
        .pasteGoogleToken: ("Paste the ID token from Google Sign-In.", "Cole o token de ID do login com o Google.",
                            "Pega el token de ID del inicio de sesión con Google."),
        .pasteToken: ("paste the token", "cole o token", "pega el token"),
        .email: ("E-mail", "Email", "Email"),
        .ticketCreated: ("Ticket %1 created: %2 [%3]. A confirmation was sent to %4.",
                         "Chamado %1 criado: %2 [%3]. Uma confirmação foi enviada para %4.",
                         "Ticket %1 creado: %2 [%3]. Se envió una confirmación a %4."),
        .codeWrongOne: ("the code is not right; 1 attempt left", "o código não está correto; resta 1 tentativa",
                        "el código no es correcto; queda 1 intento"),
        .codeWrongMany: ("the code is not right; %1 attempts left", "o código não está correto; restam %1 tentativas",
                         "el código no es correcto; quedan %1 intentos"),
        .codeExpired: ("the code has expired; ask for a new one", "o código expirou; peça um novo", "el código venció; pide uno nuevo"),
        .codeLocked: ("too many wrong codes; ask for a new code", "códigos errados demais; peça um novo código",
                      "demasiados códigos incorrectos; pide un código nuevo"),
        .codeNone: ("there is no code waiting; ask for a new one", "não há código pendente; peça um novo",
                    "no hay ningún código pendiente; pide uno nuevo"),
        .codeMalformed: ("the code has %1 digits; type just the digits", "o código tem %1 dígitos; digite apenas os dígitos",
                         "el código tiene %1 dígitos; escribe solo los dígitos"),
        .codeTooSoon: ("wait %1 s before asking for another code", "aguarde %1 s antes de pedir outro código",
                       "espera %1 s antes de pedir otro código"),
        .typeResendShort: (" (type %1)", " (digite %1)", " (escribe %1)"),
        .moreLines: ("%1 (+%2 lines)", "%1 (+%2 linhas)", "%1 (+%2 líneas)"),
        .gladItHelped: ("Glad that helped. No ticket was filed.", "Que bom que ajudou. Nenhum chamado foi aberto.",
                        "Nos alegra haber ayudado. No se abrió ningún ticket."),
    ]
}
