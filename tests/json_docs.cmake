# Keeps docs/json.md honest: runs every `$ katlas ...` example of each `## ` section and
# fails for each field name the command prints (at any depth) that no table row of that
# section, or of a section it links to (`](#anchor)`, followed on), names in its first cell.
#
# cmake -DKATLAS=<katlas binary> -DDOC=<docs/json.md> -DWORK=<scratch folder> -P json_docs.cmake

cmake_minimum_required(VERSION 3.25)

foreach(var KATLAS DOC WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "json_docs.cmake: pass -D${var}=...")
  endif()
endforeach()
file(MAKE_DIRECTORY "${WORK}")
file(READ "${DOC}" doc)
set(doc "\n${doc}")

# The commands whose JSON the document must describe: each needs a section that runs it.
set(expected_commands check show related path search list review explain export handout)

# A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens.
function(anchor_of heading out)
  string(TOLOWER "${heading}" slug)
  string(REGEX REPLACE "[^a-z0-9 _-]" "" slug "${slug}")
  string(REPLACE " " "-" slug "${slug}")
  set(${out} "${slug}" PARENT_SCOPE)
endfunction()

# The text of a `## ` section, from its heading line to the next `## ` heading.
function(section_text heading out)
  string(FIND "${doc}" "\n## ${heading}\n" start)
  math(EXPR body "${start} + 1")
  string(SUBSTRING "${doc}" ${body} -1 rest)
  string(FIND "${rest}" "\n## " end)
  string(SUBSTRING "${rest}" 0 ${end} section)
  set(${out} "${section}" PARENT_SCOPE)
endfunction()

string(REGEX MATCHALL "\n## [^\n]*" heading_lines "${doc}")
set(headings "")
foreach(line IN LISTS heading_lines)
  string(SUBSTRING "${line}" 4 -1 heading)
  list(APPEND headings "${heading}")
endforeach()

set(failures 0)
set(commands_run "")
foreach(heading IN LISTS headings)
  section_text("${heading}" section)
  string(REGEX MATCHALL "\n\\$ katlas [^\n]*" command_lines "${section}")
  if(NOT command_lines)
    continue()
  endif()

  # What may describe this section's fields: the section and the sections it links to, and
  # theirs in turn (the export's concepts are `show`'s, whose relations are relation objects).
  anchor_of("${heading}" own_anchor)
  set(seen "${own_anchor}")
  set(described "${section}")
  set(pending "${section}")
  while(NOT pending STREQUAL "")
    # `(#anchor)` only: a `]` would end a CMake list element early.
    string(REGEX MATCHALL "\\(#[a-z0-9_-]+\\)" links "${pending}")
    set(pending "")
    foreach(link IN LISTS links)
      string(REGEX REPLACE "^\\(#(.*)\\)$" "\\1" wanted "${link}")
      if(wanted IN_LIST seen)
        continue()
      endif()
      list(APPEND seen "${wanted}")
      foreach(other IN LISTS headings)
        anchor_of("${other}" anchor)
        if(anchor STREQUAL wanted)
          section_text("${other}" linked)
          string(APPEND described "${linked}")
          string(APPEND pending "${linked}")
        endif()
      endforeach()
    endforeach()
  endwhile()

  foreach(line IN LISTS command_lines)
    string(REGEX REPLACE "^\n\\$ katlas " "" command "${line}")
    separate_arguments(args UNIX_COMMAND "${command}")
    list(GET args 0 subcommand)
    list(APPEND commands_run "${subcommand}")
    execute_process(COMMAND "${KATLAS}" ${args} WORKING_DIRECTORY "${WORK}"
                    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    string(JSON type ERROR_VARIABLE json_error TYPE "${out}")
    if(NOT (rc EQUAL 0 OR rc EQUAL 1) OR json_error)
      message(SEND_ERROR "${DOC}: `katlas ${command}` (section '${heading}') exited ${rc} without JSON: ${err}")
      math(EXPR failures "${failures} + 1")
      continue()
    endif()
    # Pretty-printed JSON puts every key at the start of a line: `<indent>"key": `.
    string(REGEX MATCHALL "\n *\"[A-Za-z0-9_]+\": " key_lines "\n${out}")
    set(keys "")
    foreach(key_line IN LISTS key_lines)
      string(REGEX REPLACE "^\n *\"([A-Za-z0-9_]+)\": $" "\\1" key "${key_line}")
      list(APPEND keys "${key}")
    endforeach()
    list(REMOVE_DUPLICATES keys)
    foreach(key IN LISTS keys)
      string(REGEX MATCH "\n\\|[^|\n]*`${key}`[^|\n]*\\|" row "${described}")
      if(NOT row)
        message(SEND_ERROR "${DOC}: `katlas ${command}` prints the field '${key}', but no table row of the "
                           "section '${heading}' (or of a section it links to) describes it")
        math(EXPR failures "${failures} + 1")
      endif()
    endforeach()
  endforeach()
endforeach()

foreach(command IN LISTS expected_commands)
  if(NOT command IN_LIST commands_run)
    message(SEND_ERROR "${DOC}: no section runs an example of `katlas ${command}` (a line `$ katlas ${command} ...`)")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} problem(s) in ${DOC}")
endif()
list(LENGTH commands_run count)
message(STATUS "${DOC}: every field printed by ${count} example command(s) is described")
